"""`show` (with and without Arabic shaping) and the CSV / JSONL / HTML exports."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import arabic_reshaper
import pytest
from bidi.algorithm import get_display
from review_scenarios import MARKUP_TEXT, WHATSAPP_NUMBER

from review.cli import main
from review.queries import load_conversation, tracker_engine
from review.transcript_text import render_transcript, transcript_lines

EXPECTED_LOGICAL = [
    "المحادثة: web-ineligible  القناة: واجهة REST  النتيجة: غير مؤهل",
    "2024-03-10 11:00:11  المستخدم: ابي اتحقق من الاهليه  [check_eligibility 0.91]",
    "2024-03-10 11:00:17  المستخدم: لا مو سعودي  [deny 0.45]",
    "2024-03-10 11:00:24  المستخدم: دخلي خمسة آلاف  [inform 0.77]",
    "2024-03-10 11:00:26  المساعد: للأسف لا تنطبق الشروط",
]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _conversation(env, sender_id="web-ineligible"):
    return load_conversation(tracker_engine(env.tracker_url), sender_id)


def test_transcript_lines_show_intent_and_confidence_of_each_user_turn(env):
    assert transcript_lines(_conversation(env)) == EXPECTED_LOGICAL


def test_shape_never_prints_the_logical_text(env):
    assert render_transcript(_conversation(env), "never", _Terminal()) == "\n".join(EXPECTED_LOGICAL)


def test_shape_always_prints_joined_letters_in_visual_order(env):
    shaped = render_transcript(_conversation(env), "always", io.StringIO()).split("\n")
    assert shaped == [get_display(arabic_reshaper.reshape(line)) for line in EXPECTED_LOGICAL]
    assert shaped[4].startswith("ﻁﻭﺮﺸﻟﺍ"), "visual order starts with the last word, in joined forms"


def test_shape_auto_leaves_piped_output_alone(env):
    assert render_transcript(_conversation(env), "auto", io.StringIO()) == "\n".join(EXPECTED_LOGICAL)


def test_shape_auto_shapes_for_a_terminal_that_cannot_do_arabic(env, monkeypatch):
    for name in ("TERM_PROGRAM", "VTE_VERSION", "KONSOLE_VERSION"):
        monkeypatch.delenv(name, raising=False)
    shaped = render_transcript(_conversation(env), "auto", _Terminal())
    assert shaped.split("\n")[0] == get_display(arabic_reshaper.reshape(EXPECTED_LOGICAL[0]))


def test_shape_auto_trusts_a_terminal_that_does_bidi_itself(env, monkeypatch):
    monkeypatch.setenv("VTE_VERSION", "7006")
    assert render_transcript(_conversation(env), "auto", _Terminal()) == "\n".join(EXPECTED_LOGICAL)


def test_cli_show_piped_is_never_shaped_and_includes_status_store_outcome(env, capsys):
    assert main(["show", "web-store-only"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "المحادثة: web-store-only  القناة: محادثة الموقع  النتيجة: مؤهل، تحويل إلى موظف"
    assert "[greet 0.99]" in out


def test_cli_show_finds_a_whatsapp_conversation_by_the_phone_number(env, capsys):
    assert main(["show", WHATSAPP_NUMBER, "--shape", "never"]) == 0
    out = capsys.readouterr().out
    assert "1*******08" in out and "1000000008" not in out and WHATSAPP_NUMBER not in out


def test_cli_show_unknown_conversation_fails(env, capsys):
    assert main(["show", "no-such-conversation"]) == 1
    assert "No conversation" in capsys.readouterr().err


def test_csv_export_loads_back_with_one_row_per_message(env, tmp_path):
    out = tmp_path / "c.csv"
    assert main(["export", "--format", "csv", "--out", str(out), "--channel", "rest"]) == 0
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["conversation"] for r in rows} == {"web-ineligible", "web-faq"}
    first = next(r for r in rows if r["conversation"] == "web-ineligible")
    assert (first["speaker"], first["text"], first["intent"], first["confidence"]) == (
        "user",
        "ابي اتحقق من الاهليه",
        "check_eligibility",
        "0.91",
    )
    assert len(rows) == 4 + 6
    assert any(r["faq_topic"] == "faq/payment_date" for r in rows)


def test_jsonl_export_has_one_conversation_per_line_with_turns_and_payloads(env, tmp_path):
    out = tmp_path / "c.jsonl"
    assert main(["export", "--format", "jsonl", "--out", str(out), "--outcome", "eligible"]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [c["conversation"] for c in lines] == ["web-eligible", "web-store-only"]
    payloads = [t["payload"] for t in lines[0]["turns"] if t["payload"]]
    assert payloads[0]["eligibility_result"]["eligible"] is True
    assert lines[0]["started_at"].startswith("2024-03-10T09:00")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.html_attrs, self.scripts, self.text = {}, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.html_attrs = dict(attrs)
        self.scripts += tag == "script"

    def handle_data(self, data):
        self.text.append(data)


def test_html_export_is_standalone_rtl_arabic_with_user_text_escaped(env, tmp_path):
    out = tmp_path / "c.html"
    assert main(["export", "--format", "html", "--out", str(out)]) == 0
    source = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(source)
    assert page.html_attrs == {"dir": "rtl", "lang": "ar"}
    assert page.scripts == 0, "user text must never become markup"
    assert MARKUP_TEXT in "".join(page.text)
    assert "&lt;script&gt;" in source
    assert "<link" not in source and "src=" not in source, "standalone: nothing loaded from elsewhere"


def test_export_refuses_an_unknown_format(env, tmp_path):
    with pytest.raises(SystemExit):
        main(["export", "--format", "xlsx", "--out", str(tmp_path / "x")])
