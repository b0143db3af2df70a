"""Validation of `eligibility_form`.

Each message inside the form fills every slot it clearly answers (the requested one
read with `arabic_text.answer_for_slot`, the others with `arabic_text.extract_answers`),
so the form asks only what is still missing; `eligibility.next_question` decides what
that is. Unreadable answers are asked again, surprising ones confirmed, corrections of
earlier answers applied. Before the verdict, eligible or not, the person checks a summary
(`answers_confirmed`). A message that does not read as an answer and that NLU took for
"stop" or off-topic is rejected, so that the rules for those take over; one that does
read as an answer ("بس الزوجة") is an answer whatever the intent.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.interfaces import ActionExecutionRejection
from rasa_sdk.types import DomainDict

import arabic_text
import eligibility
from actions import form_replies, offers
from actions.answer_check import CHECK_SLOT, needs_check, read_check_reply
from actions.answers import (
    BOOL_SLOTS,
    ELIGIBILITY_SLOTS,
    describe_answer,
    describe_answers,
    in_range,
    is_surprising,
    kept_as_before,
    range_problem,
    typed_answers,
)
from actions.conversation import (
    actions_since_user,
    last_bot_action_before_user,
    latest_intent,
    latest_text,
    yes_or_no,
)
from actions.income_answers import (
    classify_pending_income,
    refuses_source,
)

logger = logging.getLogger(__name__)

# After this many unreadable answers to one question, a human is offered.
MAX_FAILURES = 3
# Questions asked in between whose replies must not be taken as the form's answer.
_SIDE_QUESTIONS = {"utter_ask_continue"}
# Intents with rules of their own inside the form; a message with one of them that
# does not read as an answer is left to those rules.
# Greetings, thanks and goodbyes get a word back ("شكرا مع السلامه" ends the check with
# its answers kept; "هلا" and "شكرا" are answered and the question asked again).
_COURTESIES = frozenset({"greet", "thank", "goodbye"})
_LEAVE_TO_RULES = {"stop", "out_of_scope", *_COURTESIES}
# Intents whose message is never read as the answer: the form is rejected at once and
# their rules answer, then ask the question again. "stop" and out_of_scope are not
# here: "بس الزوجة" is an answer, and the form rejects what does not read as one.
# check_eligibility: "ابي افحص اهليتي" inside the check resumes it (action_restart_eligibility
# says back the answers so far) instead of being read as an unclear answer.
_NOT_ANSWERS = frozenset({"faq", "ask_why", "start_over", "human_handoff", "check_status", "check_eligibility"})
# Off-topic messages this short ("بطيخ", "ههههه", "asdfgh") are failed answers, counted
# towards the offer of a person, not questions for the off-topic rule.
_SHORTEST_OFF_TOPIC_WORDS = 3
# The slots this form reads from the reply to its question (typed once validated).
_READ_SLOTS = frozenset({*ELIGIBILITY_SLOTS, CHECK_SLOT})


def _answered_by_a_rule(tracker: Tracker) -> bool:
    """A rule has already answered the latest message: «نعم، أكمل» to "continue?", a
    thanks, a greeting, an off-topic question. The form, run again after that rule, asks
    its question instead of reading the same message a second time (where a rejected
    thanks used to end in «ما فهمت قصدك»)."""
    return bool(set(actions_since_user(tracker)) - {"eligibility_form", "validate_eligibility_form"})


class ValidateEligibilityForm(FormValidationAction):
    def name(self) -> str:
        return "validate_eligibility_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        answers = typed_answers(tracker.slots)
        asked = [slot for slot in ELIGIBILITY_SLOTS if slot in answers]
        upcoming = eligibility.next_question(answers)
        if upcoming:
            return [*asked, upcoming]
        return asked + ([CHECK_SLOT] if needs_check(answers) else [])

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> EventType | None:
        """The first required slot without a typed value: raw text left in a slot by a
        rejected message ("وقف") is not an answer."""
        required = await self.required_slots([], dispatcher, tracker, domain)
        answers = typed_answers(tracker.slots)
        missing = (
            slot
            for slot in required
            if (slot == CHECK_SLOT and tracker.get_slot(CHECK_SLOT) is not True)
            or (slot != CHECK_SLOT and slot not in answers)
        )
        return SlotSet(REQUESTED_SLOT, next(missing, None))

    # ---- the reply as a candidate, typed before it leaves the action --------------
    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The reply to the asked question, as the candidate value of the asked slot.

        The answer slots have `custom` mappings (domain.yml), so this is their one
        extraction, Rasa SDK's extension point for custom slot mappings. The raw text
        lives only inside this run: `validate_<slot>` replaces it with what it means,
        and `get_validation_events` makes sure no text leaves.
        """
        asked = tracker.get_slot(REQUESTED_SLOT)
        text = latest_text(tracker)
        # The words decide over the intent: "مش فاهم يعني ايه" read as faq is still
        # about the question asked.
        about_the_question = arabic_text.asks_what_is_meant(text) or arabic_text.says_unsure(text)
        if asked not in _READ_SLOTS or (latest_intent(tracker) in _NOT_ANSWERS and not about_the_question):
            return []
        if _answered_by_a_rule(tracker):
            return []
        return [SlotSet(asked, text)]

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Rasa SDK's validation, with one guarantee added: an answer slot is set to a
        bool, a number or None, never to the text it was read from."""
        events = await super().get_validation_events(dispatcher, tracker, domain)
        typed: list[EventType] = []
        for event in events:
            is_answer = event.get("event") == "slot" and event.get("name") in _READ_SLOTS
            if is_answer and isinstance(event.get("value"), str):
                logger.warning("Unread text left in %s by validation; the slot stays empty", event.get("name"))
                event = SlotSet(event["name"], None)
            typed.append(event)
        return typed

    # ---- one answer --------------------------------------------------------------
    def _validate(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        if not isinstance(value, str):
            return {slot: value}  # already typed: the opening message or a correction
        if last_bot_action_before_user(tracker) in _SIDE_QUESTIONS:
            # A reply to "continue?", not to the question: reject, so that the rules
            # for continuing or stopping decide what happens.
            raise ActionExecutionRejection(self.name(), "reply to a side question")
        offer_reply = offers.reply_to_offer(tracker)
        if offer_reply and offer_reply["offer"] == "utter_too_many_failures":
            # "نعم" answers "talk to a staff member?", not the question: a yes is left
            # to the fallback, which hands over; a no asks the question again.
            if offer_reply["reply"] == offers.YES:
                raise ActionExecutionRejection(self.name(), "yes to the offer of a person")
            dispatcher.utter_message(response="utter_continue_check")
            return {slot: None, "answer_failures": 0}

        value = arabic_text.drop_replaced_amounts(value)  # "راتبي ٢٠٠٠ مو ٣٠٠٠" is 2,000, not 5,000
        intent = latest_intent(tracker)
        answered = typed_answers(tracker.slots)
        confirmed = self._pending_confirmation(slot, value, intent, tracker)
        if confirmed is not None:
            return confirmed
        if tracker.get_slot("unclassified_income") is not None:
            classified = classify_pending_income(value, tracker.get_slot("unclassified_income"))
            if classified is not None:
                return {slot: None, **classified, "unclassified_income": None, "answer_failures": 0}
            if refuses_source(value, intent):
                # "لا" names no source: the amount stays pending and the source is
                # asked again (action_ask_*), rather than the amount being dropped.
                return {slot: None}
            # Asked once: an unclear reply goes back to the income question itself.
            dispatcher.utter_message(response="utter_wrong_earned_income")
            return {slot: None, "unclassified_income": None}

        own = form_replies.own_answer(slot, value, intent, dispatcher, tracker)
        extracted = arabic_text.extract_answers(value)
        foreign = form_replies.foreign_numbers(slot, own, extracted)
        if foreign:
            # "لا غلطت عندي ٤ عيال" asked the assets' value: the 4 belongs to the
            # dependents' keywords, so it is not an answer to this question.
            own = {k: v for k, v in own.items() if k != slot}
        mentioned = {
            other: found
            for other, found in extracted.items()
            if other in ELIGIBILITY_SLOTS and other not in own and other != slot
        }
        new = in_range({k: v for k, v in mentioned.items() if k not in answered}, {**answered, **own})
        corrections = form_replies.corrections(value, own, mentioned, answered)

        # Earlier answers the message repeats: a number it gave to another slot, or
        # anything it says when it does not answer the question ("غلطت، عندي ٤ عيال").
        repeated = foreign if own else {**foreign, **mentioned}
        unchanged = {k: v for k, v in repeated.items() if k in answered and answered[k] == v}
        if not own and not corrections and unchanged:
            # A correction that changes nothing: say the earlier answer stays, then
            # the form asks the current question again.
            kept = {k: answered[k] for k in unchanged}
            dispatcher.utter_message(response="utter_understood", understood=kept_as_before(describe_answers(kept)))
            if new:
                dispatcher.utter_message(response="utter_understood", understood=describe_answers(new))
            return {slot: None, **new, "pending_answer": None}
        if not own and not new and not corrections:
            if arabic_text.asks_what_is_meant(value) or arabic_text.says_unsure(value):
                # "ما فهمت وش تقصد" / "مدري": the question explained (as for «ليش تسأل؟»),
                # and for "مدري" that a near answer will do; then it is asked again. It
                # counts towards the offer of a person, so that three in a row are not a
                # loop of explanations.
                return self._helped(slot, arabic_text.says_unsure(value), dispatcher, tracker)
            short = len(value.split()) < _SHORTEST_OFF_TOPIC_WORDS
            failed = (intent == "out_of_scope" and short) or (
                intent in _COURTESIES and not arabic_text.is_courtesy(value)
            )
            if intent in _LEAVE_TO_RULES and not failed:
                raise ActionExecutionRejection(self.name(), f"'{intent}' that is not an answer")
            return self._unreadable(slot, dispatcher, tracker)

        own_value = own.get(slot)
        if own_value is not None:
            problem = range_problem(slot, own_value, {**answered, **new, **corrections})
            if problem:
                dispatcher.utter_message(response="utter_wrong_value_range", problem=problem)
                return {slot: None}
            if is_surprising(slot, own_value):
                dispatcher.utter_message(
                    response="utter_confirm_surprising_answer",
                    answer_description=describe_answer(slot, own_value),
                )
                return {slot: None, "pending_answer": {"slot": slot, "value": own_value}}

        for corrected_slot, corrected_value in corrections.items():
            dispatcher.utter_message(
                response="utter_answer_corrected",
                answer_description=describe_answer(corrected_slot, corrected_value),
            )
        filled = {k: v for k, v in {**own, **new}.items() if k in ELIGIBILITY_SLOTS}
        # Once anything is said back, everything the message filled is ("راتبي ٢٠٠٠
        # وتقاعد ابوي ١٢٠٠" names both incomes, not only the one not asked).
        said_back = filled if any(form_replies.says_back(k, slot) for k in filled) else {}
        if said_back:
            dispatcher.utter_message(response="utter_understood", understood=describe_answers(said_back))
        done = {"plain_gate": None} if own_value is not None and slot in form_replies.GATE_DUTIES else {}
        return {slot: None, **new, **corrections, **done, **own, "pending_answer": None, "answer_failures": 0}

    def _pending_confirmation(
        self, slot: str, text: str, intent: str | None, tracker: Tracker
    ) -> dict[str, Any] | None:
        pending = tracker.get_slot("pending_answer")
        if not (isinstance(pending, dict) and pending.get("slot") == slot):
            return None
        confirmed = yes_or_no(text, intent)
        if confirmed is True:
            return {slot: pending["value"], "pending_answer": None, "answer_failures": 0}
        if confirmed is False:
            return {slot: None, "pending_answer": None}
        return None  # neither yes nor no: read it as a fresh answer

    @staticmethod
    def _helped(slot: str, unsure: bool, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        failures = int(tracker.get_slot("answer_failures") or 0) + 1
        if failures >= MAX_FAILURES:
            dispatcher.utter_message(response="utter_too_many_failures")
            return {slot: None, "answer_failures": 0}
        dispatcher.utter_message(response=f"utter_explain_{slot}")
        if unsure:
            dispatcher.utter_message(
                response="utter_answer_if_unsure" if slot in BOOL_SLOTS else "utter_amount_if_unsure"
            )
        return {slot: None, "answer_failures": failures}

    @staticmethod
    def _unreadable(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
        failures = int(tracker.get_slot("answer_failures") or 0) + 1
        if failures >= MAX_FAILURES:
            dispatcher.utter_message(response="utter_too_many_failures")
            failures = 0
        elif slot in BOOL_SLOTS:
            dispatcher.utter_message(response="utter_wrong_yes_no")
        else:
            dispatcher.utter_message(response=f"utter_wrong_{slot}")
        return {slot: None, "answer_failures": failures}

    # ---- the check before the verdict ---------------------------------------------
    def validate_answers_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """ "صحيح" ends the form; "تعديل" asks for the fix; a typed fix ("الدخل ٣٠٠٠")
        is applied and the summary shown again (actions/answer_check.py)."""
        if not isinstance(value, str):
            return {CHECK_SLOT: value}
        if last_bot_action_before_user(tracker) in _SIDE_QUESTIONS:
            raise ActionExecutionRejection(self.name(), "reply to a side question")
        intent = latest_intent(tracker)
        result = read_check_reply(
            arabic_text.drop_replaced_amounts(value),
            intent,
            typed_answers(tracker.slots),
            tracker.get_slot("unclassified_income"),
            dispatcher,
        )
        if result is None:
            if intent in _LEAVE_TO_RULES:
                raise ActionExecutionRejection(self.name(), f"'{intent}' at the check")
            dispatcher.utter_message(response="utter_wrong_answers_confirmed")
            return {CHECK_SLOT: None}
        return result

    # Rasa SDK calls validate_<slot>; every answer slot goes through the same steps.
    def validate_is_saudi(self, value, dispatcher, tracker, domain):
        return self._validate("is_saudi", value, dispatcher, tracker)

    def validate_nationality_exception(self, value, dispatcher, tracker, domain):
        return self._validate("nationality_exception", value, dispatcher, tracker)

    def validate_resides_in_ksa(self, value, dispatcher, tracker, domain):
        return self._validate("resides_in_ksa", value, dispatcher, tracker)

    def validate_dependents_count(self, value, dispatcher, tracker, domain):
        return self._validate("dependents_count", value, dispatcher, tracker)

    def validate_age(self, value, dispatcher, tracker, domain):
        return self._validate("age", value, dispatcher, tracker)

    def validate_earned_income(self, value, dispatcher, tracker, domain):
        return self._validate("earned_income", value, dispatcher, tracker)

    def validate_other_income(self, value, dispatcher, tracker, domain):
        return self._validate("other_income", value, dispatcher, tracker)

    def validate_has_high_value_assets(self, value, dispatcher, tracker, domain):
        return self._validate("has_high_value_assets", value, dispatcher, tracker)

    def validate_assets_value(self, value, dispatcher, tracker, domain):
        return self._validate("assets_value", value, dispatcher, tracker)

    def validate_has_bank_account(self, value, dispatcher, tracker, domain):
        return self._validate("has_bank_account", value, dispatcher, tracker)

    def validate_lives_in_care_facility(self, value, dispatcher, tracker, domain):
        return self._validate("lives_in_care_facility", value, dispatcher, tracker)

    def validate_has_children(self, value, dispatcher, tracker, domain):
        return self._validate("has_children", value, dispatcher, tracker)

    def validate_meets_education_health(self, value, dispatcher, tracker, domain):
        return self._validate("meets_education_health", value, dispatcher, tracker)

    def validate_has_able_to_work_members(self, value, dispatcher, tracker, domain):
        return self._validate("has_able_to_work_members", value, dispatcher, tracker)

    def validate_accepts_rehabilitation(self, value, dispatcher, tracker, domain):
        return self._validate("accepts_rehabilitation", value, dispatcher, tracker)
