"""display_text(): shape Arabic for plain terminals only; pipes and bidi-aware terminals get logical text."""

from __future__ import annotations

import io

import pytest

from arabic_text import display_text
from arabic_text.terminal import should_shape

# "سلام" drawn by hand: initial seen U+FEB3, lam-alef final ligature U+FEFC, isolated meem
# U+FEE1, in visual (right-to-left reversed) order.
SALAM_VISUAL = "\ufee1\ufefc\ufeb3"


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


class BrokenStream:
    def isatty(self) -> bool:
        raise ValueError("I/O operation on closed file")


def _presentation_forms(text: str) -> int:
    return sum(1 for ch in text if 0xFE70 <= ord(ch) <= 0xFEFF)


def test_always_shapes_and_reverses_an_all_arabic_line():
    assert display_text("سلام", shape="always") == SALAM_VISUAL


def test_always_keeps_numbers_left_to_right_inside_arabic():
    shaped = display_text("رقم 1100 ريال", shape="always")
    assert "1100" in shaped
    assert _presentation_forms(shaped) >= 6
    assert shaped.index("1100") > 0 and shaped.endswith(display_text("رقم", shape="always"))


def test_each_line_is_shaped_on_its_own():
    shaped = display_text("سلام\nسلام", shape="always")
    assert shaped.split("\n") == [SALAM_VISUAL, SALAM_VISUAL]


def test_never_returns_the_text_unchanged():
    assert display_text("سلام عليكم", shape="never", stream=FakeTTY(), environ={}) == "سلام عليكم"


def test_auto_shapes_on_a_plain_terminal():
    assert display_text("سلام", stream=FakeTTY(), environ={"TERM": "xterm-256color"}) == SALAM_VISUAL


def test_auto_never_shapes_piped_output():
    assert display_text("سلام", stream=io.StringIO(), environ={}) == "سلام"


@pytest.mark.parametrize(
    "environ",
    [
        {"TERM_PROGRAM": "iTerm.app"},
        {"TERM_PROGRAM": "vscode"},
        {"TERM_PROGRAM": "WezTerm"},
        {"TERM_PROGRAM": "mlterm"},
        {"VTE_VERSION": "7600"},
        {"KONSOLE_VERSION": "230800"},
    ],
)
def test_auto_leaves_bidi_aware_terminals_alone(environ):
    assert display_text("سلام", stream=FakeTTY(), environ=environ) == "سلام"


def test_auto_treats_a_broken_stream_as_not_a_terminal():
    assert should_shape("auto", stream=BrokenStream(), environ={}) is False


def test_unknown_shape_mode_is_rejected():
    with pytest.raises(ValueError):
        display_text("سلام", shape="sometimes")


def test_latin_text_is_unchanged_even_when_shaping():
    assert display_text("status: ok", shape="always") == "status: ok"
