"""Validation of `eligibility_form`: reads each answer as typed, asks again when it
cannot, confirms surprising answers, applies corrections of earlier answers, and lets
`eligibility.next_question` decide what to ask next and when to stop."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.interfaces import ActionExecutionRejection
from rasa_sdk.types import DomainDict

import arabic_text
import eligibility

from actions.answers import (
    BOOL_SLOTS,
    ELIGIBILITY_SLOTS,
    describe_answer,
    is_surprising,
    parse_answer,
    typed_answers,
)
from actions.conversation import last_bot_action_before_user, latest_intent

# After this many unreadable answers to one question, a human is offered.
MAX_FAILURES = 3
# Questions asked in between whose replies must not be taken as the form's answer.
_SIDE_QUESTIONS = {"utter_ask_continue"}


class ValidateEligibilityForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_eligibility_form"

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        answers = typed_answers(tracker.slots)
        asked = [slot for slot in ELIGIBILITY_SLOTS if slot in answers]
        upcoming = eligibility.next_question(answers)
        return asked + ([upcoming] if upcoming else [])

    def _validate(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Dict[Text, Any]:
        if not isinstance(value, str):
            return {slot: value}  # already typed, e.g. set by a correction
        if last_bot_action_before_user(tracker) in _SIDE_QUESTIONS:
            # A reply to "continue?", not to the question: reject, so that the rules
            # for continuing or stopping decide what happens.
            raise ActionExecutionRejection(self.name(), "reply to a side question")

        intent = latest_intent(tracker)
        pending = tracker.get_slot("pending_answer")
        if isinstance(pending, dict) and pending.get("slot") == slot:
            confirmed = arabic_text.parse_yes_no(value)
            if confirmed is None and intent in ("affirm", "deny"):
                confirmed = intent == "affirm"
            if confirmed is True:
                return {slot: pending["value"], "pending_answer": None, "answer_failures": 0}
            if confirmed is False:
                return {slot: None, "pending_answer": None}
            # Neither yes nor no: read it as a fresh answer.

        parsed = parse_answer(slot, value, intent)
        corrections = self._corrections(slot, value, parsed, tracker)
        if corrections:
            for corrected_slot, corrected_value in corrections.items():
                dispatcher.utter_message(
                    response="utter_answer_corrected",
                    answer_description=describe_answer(corrected_slot, corrected_value),
                )
            return {**corrections, slot: None, "answer_failures": 0}

        if parsed is None:
            return self._unreadable(slot, dispatcher, tracker)

        problem = _range_problem(slot, parsed, typed_answers(tracker.slots))
        if problem:
            dispatcher.utter_message(response="utter_wrong_value_range", problem=problem)
            return {slot: None}

        if is_surprising(slot, parsed):
            dispatcher.utter_message(
                response="utter_confirm_surprising_answer",
                answer_description=describe_answer(slot, parsed),
            )
            return {slot: None, "pending_answer": {"slot": slot, "value": parsed}}

        return {slot: parsed, "pending_answer": None, "answer_failures": 0}

    @staticmethod
    def _corrections(
        slot: str, text: str, parsed: Any, tracker: Tracker
    ) -> Dict[str, Any]:
        """Earlier answers that this message changes ("غلطت، عندي ٤ تابعين")."""
        mentioned = arabic_text.extract_answers(text)
        answered = typed_answers(tracker.slots)
        changes = {
            other: value
            for other, value in mentioned.items()
            if other != slot and other in answered and answered[other] != value
        }
        if not changes:
            return {}
        # Only treat it as a correction when the user says so, or when the message
        # does not answer the current question anyway.
        if arabic_text.is_correction(text) or parsed is None:
            merged = {**answered, **changes}
            if any(_range_problem(s, v, merged) for s, v in changes.items()):
                return {}
            return changes
        return {}

    @staticmethod
    def _unreadable(slot: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> Dict[Text, Any]:
        failures = int(tracker.get_slot("answer_failures") or 0) + 1
        if failures >= MAX_FAILURES:
            dispatcher.utter_message(response="utter_too_many_failures")
            failures = 0
        elif slot in BOOL_SLOTS:
            dispatcher.utter_message(response="utter_wrong_yes_no")
        else:
            dispatcher.utter_message(response=f"utter_wrong_{slot}")
        return {slot: None, "answer_failures": failures}

    # Rasa SDK calls validate_<slot>; every slot goes through the same steps.
    def validate_is_saudi(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("is_saudi", value, dispatcher, tracker)

    def validate_nationality_exception(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("nationality_exception", value, dispatcher, tracker)

    def validate_resides_in_ksa(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("resides_in_ksa", value, dispatcher, tracker)

    def validate_age(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("age", value, dispatcher, tracker)

    def validate_dependents_count(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("dependents_count", value, dispatcher, tracker)

    def validate_monthly_income(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("monthly_income", value, dispatcher, tracker)

    def validate_has_high_value_assets(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("has_high_value_assets", value, dispatcher, tracker)

    def validate_has_bank_account(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("has_bank_account", value, dispatcher, tracker)

    def validate_lives_in_care_facility(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("lives_in_care_facility", value, dispatcher, tracker)

    def validate_meets_education_health(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("meets_education_health", value, dispatcher, tracker)

    def validate_accepts_rehabilitation(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._validate("accepts_rehabilitation", value, dispatcher, tracker)


def _range_problem(slot: str, value: Any, answers: Dict[str, Any]) -> Optional[str]:
    """The eligibility module's Arabic complaint about an impossible value, if any."""
    try:
        eligibility.assess({**answers, slot: value})
    except eligibility.EligibilityError as error:
        return getattr(error, "message_ar", None) or str(error)
    return None
