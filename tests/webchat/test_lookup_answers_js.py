"""The widget keeps the status lookup's answers with every digit hidden.

Runs `node --test tests/webchat/lookup_answers.test.mjs` (Node's built-in runner): the
directive of the lookup's questions, and what storage keeps of the answers to them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from arabic_text.pii import SENSITIVE_SLOTS
from tests.node_tests import assert_node_tests_pass

ROOT = Path(__file__).resolve().parents[2]


def test_widget_hides_every_digit_of_the_lookup_answers() -> None:
    assert_node_tests_pass("tests/webchat/lookup_answers.test.mjs")


def test_every_question_of_the_lookup_carries_the_directive_to_the_widget() -> None:
    """Each response that asks for a lookup answer (utter_ask_<slot>, utter_wrong_<slot>…,
    and the lookup's opening) has a socket.io variant with the same text and the directive."""
    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    asking = ["utter_start_status"] + [
        name
        for name in responses
        for slot in SENSITIVE_SLOTS
        if name == f"utter_ask_{slot}" or name.startswith(f"utter_wrong_{slot}")
    ]
    assert len(asking) >= 4
    for name in asking:
        variants = responses[name]
        plain = [v for v in variants if "channel" not in v]
        widget = [v for v in variants if v.get("channel") == "socketio"]
        assert plain and widget, name
        assert widget[0].get("custom") == {"reply_kept_masked": True}, name
        assert widget[0]["text"] == plain[0]["text"], name
