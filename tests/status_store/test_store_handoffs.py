"""The queue of conversations waiting for a person, from the API and the staff command line."""

import pytest

from status_store.cli import main
from status_store.errors import HandoffNotFound
from status_store.handoffs import list_handoffs, mark_handoff_handled, record_handoff


def test_new_requests_wait_in_the_open_queue_oldest_first(engine):
    first = record_handoff("c1", "socketio", "أبغى أكلم موظف", engine=engine)
    second = record_handoff("c2", "whatsapp", "اعتراض على القرار", engine=engine)
    queue = list_handoffs(handled=False, engine=engine)
    assert [(h.id, h.conversation_id, h.channel, h.handled) for h in queue] == [
        (first, "c1", "socketio", False),
        (second, "c2", "whatsapp", False),
    ]


def test_handled_request_leaves_the_open_queue_and_records_who(engine):
    kept = record_handoff("c1", "rest", "سؤال", engine=engine)
    done = record_handoff("c2", "rest", "سؤال آخر", engine=engine)
    result = mark_handoff_handled(done, "Sara", engine=engine)
    assert (result.handled, result.handled_by) == (True, "Sara") and result.handled_at is not None
    assert [h.id for h in list_handoffs(handled=False, engine=engine)] == [kept]
    assert [h.id for h in list_handoffs(handled=True, engine=engine)] == [done]
    assert len(list_handoffs(engine=engine)) == 2


def test_closing_twice_keeps_the_first_closer(engine):
    request_id = record_handoff("c1", "rest", "سؤال", engine=engine)
    first = mark_handoff_handled(request_id, "Sara", engine=engine)
    again = mark_handoff_handled(request_id, "Omar", engine=engine)
    assert (again.handled_by, again.handled_at) == ("Sara", first.handled_at)


def test_closing_an_unknown_request_raises(engine):
    with pytest.raises(HandoffNotFound):
        mark_handoff_handled(999, "Sara", engine=engine)


def test_closing_without_a_name_is_refused(engine):
    request_id = record_handoff("c1", "rest", "سؤال", engine=engine)
    with pytest.raises(ValueError):
        mark_handoff_handled(request_id, "  ", engine=engine)


def test_topic_is_masked_and_shortened(engine):
    record_handoff("c1", "whatsapp", "رقم هويتي 1000000008 " + "ط" * 300, engine=engine)
    (stored,) = list_handoffs(engine=engine)
    assert "1000000008" not in stored.topic and "1*******08" in stored.topic
    assert len(stored.topic) <= 200


def test_staff_commands_list_and_close_requests(store_url, engine, capsys):
    request_id = record_handoff("c1", "socketio", "مشكلة في البطاقة الرقمية", engine=engine)
    assert main(["--url", store_url, "handoffs"]) == 0
    assert f"#{request_id}" in capsys.readouterr().out
    assert main(["--url", store_url, "handoff-done", str(request_id), "--by", "Sara"]) == 0
    capsys.readouterr()
    assert main(["--url", store_url, "handoffs"]) == 0
    assert f"#{request_id}" not in capsys.readouterr().out
    assert main(["--url", store_url, "handoffs", "--all"]) == 0
    assert "done by Sara" in capsys.readouterr().out


def test_staff_command_for_unknown_request_exits_with_error(store_url, capsys):
    assert main(["--url", store_url, "handoff-done", "999", "--by", "Sara"]) == 1
