"""Taking back a request for a person (new-user probe, 2026-12-06: «خلاص ما ابي موظف»
queued the request again, five times in one conversation)."""

from __future__ import annotations

import pytest

from actions.support import ActionHumanHandoff
from arabic_text import declines_person, normalize
from status_store.handoff_desk import WITHDRAWN_BY, open_handoff_for, take_handoff
from status_store.handoffs import list_handoffs, record_handoff
from tests.actions.conftest import make_tracker, responses, run


@pytest.mark.parametrize(
    "text",
    [
        "خلاص ما ابي موظف",
        "الغ طلب الموظف",
        "لا ما احتاج احد يكلمني",
        "لا تحولني لموظف",
        "مابي موظف خلاص انحلت",
        "cancel the agent",
    ],
)
def test_taking_back_a_request_is_read(text):
    assert declines_person(normalize(text))


@pytest.mark.parametrize("text", ["ابي موظف", "ابغى اكلم احد", "ايوه ابي موظف الله يخليك", "وين الموظف؟"])
def test_asking_for_a_person_is_not_taking_it_back(text):
    assert not declines_person(normalize(text))


def test_a_waiting_request_is_closed_and_nothing_is_queued(dispatcher, domain, clock):
    record_handoff("takes-back", "rest", "general", in_staff_hours=False)
    tracker = make_tracker(text="خلاص ما ابي موظف", intent="human_handoff", active_loop=None, sender_id="takes-back")
    assert run(ActionHumanHandoff(), tracker, dispatcher, domain) == []
    assert responses(dispatcher) == ["utter_handoff_withdrawn"]
    assert open_handoff_for("takes-back") is None
    (closed,) = [h for h in list_handoffs(handled=True) if h.conversation_id == "takes-back"]
    assert closed.handled_by == WITHDRAWN_BY


def test_with_no_request_the_refusal_queues_nothing(dispatcher, domain, clock):
    tracker = make_tracker(text="لا ما احتاج احد يكلمني", intent="human_handoff", active_loop=None, sender_id="never")
    run(ActionHumanHandoff(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_no_handoff_then"]
    assert open_handoff_for("never") is None


def test_a_request_staff_have_taken_is_theirs_to_close(dispatcher, domain, clock):
    taken = record_handoff("taken-one", "rest", "general", in_staff_hours=True)
    take_handoff(taken, "sara")
    tracker = make_tracker(text="الغ طلب الموظف", intent="human_handoff", active_loop=None, sender_id="taken-one")
    run(ActionHumanHandoff(), tracker, dispatcher, domain)
    assert responses(dispatcher) == ["utter_no_handoff_then"]
    assert open_handoff_for("taken-one") is not None
