"""The terminal chat (`make chat`) against the real servers."""

from __future__ import annotations

import subprocess
import sys

import eligibility
from arabic_text.display import display_digits
from arabic_text.terminal import text_width
from runner.stack import ROOT


def chat(rasa_stack, lines, shape, *extra):
    completed = subprocess.run(
        [sys.executable, "-m", "runner.chat", "--url", rasa_stack.rasa_url, "--shape", shape, *extra],
        input="\n".join([*lines, "/quit"]) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=rasa_stack.env,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_terminal_chat_answers_the_conditions_question_in_plain_text(rasa_stack):
    output = chat(rasa_stack, ["وش شروط الضمان المطور؟"], shape="never")
    assert display_digits(eligibility.facts()["reference_amount_sar"]) in output
    assert "الجنسية" in output or "سعودي" in output


def test_terminal_chat_shapes_arabic_when_asked(rasa_stack):
    output = chat(rasa_stack, ["السلام عليكم"], shape="always")
    assert any("\ufe70" <= ch <= "\ufeff" for ch in output), "no Arabic presentation forms in shaped output"


def test_terminal_chat_buttons_can_be_chosen_by_number(rasa_stack):
    output = chat(rasa_stack, ["السلام عليكم", "1"], shape="never")
    assert "هل أنت سعودي الجنسية؟" in output


def test_terminal_conversation_is_recorded_as_the_cmdline_channel(rasa_stack):
    sender = "terminal-e2e-channel"
    chat(rasa_stack, ["السلام عليكم"], "never", "--sender", sender)
    users = [e for e in rasa_stack.tracker(sender)["events"] if e.get("event") == "user"]
    assert users and {e.get("input_channel") for e in users} == {"cmdline"}


def test_terminal_rows_fit_40_columns_and_the_prompt_reads_slash_quit(rasa_stack):
    output = chat(rasa_stack, ["وش شروط الضمان المطور؟"], "always", "--width", "40")
    assert "/quit" in output and "quit/" not in output
    assert "{" not in output  # never JSON
    for row in output.splitlines():
        assert text_width(row.removeprefix("> ")) <= 40, row


def test_detail_button_of_the_conditions_answer_gives_the_detailed_conditions(rasa_stack):
    output = chat(rasa_stack, ["وش شروط الضمان المطور؟", "1"], "never", "--width", "200")
    assert "الشروط بالتفصيل" in output
    assert "شروط الاستحقاق بالتفصيل" in output


def test_conditions_asked_during_the_check_do_not_offer_to_start_the_check(rasa_stack):
    output = chat(rasa_stack, ["/check_eligibility", "وش شروط الضمان المطور؟"], "never", "--width", "200")
    assert "الشروط بالتفصيل" in output  # the short answer came, with its detail button
    assert "أفحص أهليتي" not in output
