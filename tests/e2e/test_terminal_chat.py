"""The terminal chat (`make chat`) against the real servers."""
from __future__ import annotations

import subprocess
import sys

import eligibility
from runner.stack import ROOT


def chat(rasa_stack, lines, shape):
    completed = subprocess.run(
        [sys.executable, "-m", "runner.chat", "--url", rasa_stack.rasa_url, "--shape", shape],
        input="\n".join(lines + ["/quit"]) + "\n", capture_output=True, text=True, cwd=ROOT,
        env=rasa_stack.env, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_terminal_chat_answers_the_conditions_question_in_plain_text(rasa_stack):
    output = chat(rasa_stack, ["وش شروط الضمان المطور؟"], shape="never")
    assert eligibility.facts()["reference_amount_sar"] in output
    assert "الجنسية" in output or "سعودي" in output


def test_terminal_chat_shapes_arabic_when_asked(rasa_stack):
    output = chat(rasa_stack, ["السلام عليكم"], shape="always")
    assert any("\ufe70" <= ch <= "\ufeff" for ch in output), "no Arabic presentation forms in shaped output"


def test_terminal_chat_buttons_can_be_chosen_by_number(rasa_stack):
    output = chat(rasa_stack, ["السلام عليكم", "1"], shape="never")
    assert "هل أنت سعودي الجنسية؟" in output
