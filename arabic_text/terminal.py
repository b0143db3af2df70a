"""Arabic in terminals: shape and reorder only where the terminal will not do it itself.

Most terminals draw Arabic letters unjoined and left to right. arabic_reshaper picks the
joined presentation forms and python-bidi puts each line in visual order, so the text reads
right. Terminals that already do bidi (iTerm2, VS Code, WezTerm, mlterm, VTE-based ones such
as GNOME Terminal) would then reverse it a second time, so they are left alone, as is any
output that is not a terminal (pipes, files, logs), which must keep the logical text.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from typing import TextIO

import arabic_reshaper

# The pure-Python algorithm: it mirrors brackets, which python-bidi's newer Rust API
# (bidi.get_display) does not. It has no isolates, so LTR pieces get LRM marks instead.
from bidi.algorithm import get_display
from wcwidth import wcswidth, wcwidth

from arabic_text.display import strip_bidi_controls

# TERM_PROGRAM values of terminals that shape and reorder Arabic on their own.
BIDI_AWARE_TERMINALS = frozenset({"iTerm.app", "vscode", "WezTerm", "mlterm"})
# Variables that only bidi-aware terminals set (VTE: GNOME Terminal, Tilix; Konsole).
BIDI_AWARE_MARKERS = ("VTE_VERSION", "KONSOLE_VERSION")
SHAPE_MODES = ("auto", "always", "never")


def terminal_does_bidi(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal described by the environment renders Arabic itself."""
    environ = os.environ if environ is None else environ
    if environ.get("TERM_PROGRAM", "") in BIDI_AWARE_TERMINALS:
        return True
    return any(environ.get(name) for name in BIDI_AWARE_MARKERS)


def _is_tty(stream: TextIO | None) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError):  # closed or fake streams
        return False


def should_shape(shape: str = "auto", stream: TextIO | None = None, environ: Mapping[str, str] | None = None) -> bool:
    """Decide whether display_text would shape for this mode, stream and environment."""
    if shape not in SHAPE_MODES:
        raise ValueError(f"shape must be one of {SHAPE_MODES}, got {shape!r}")
    if shape != "auto":
        return shape == "always"
    stream = sys.stdout if stream is None else stream
    return _is_tty(stream) and not terminal_does_bidi(environ)


LRM, FSI, PDI = "\u200e", "\u2068", "\u2069"
_ISOLATED = re.compile(f"{FSI}([^{PDI}]*){PDI}")
_DATE_SEPARATOR = re.compile(r"([-/.])")
# Left-to-right tokens that must come out whole and in order: "/quit", links, e-mails.
_LTR_TOKEN = re.compile(
    r"(?:https?://|www\.)\S+|/[A-Za-z_][\w/]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:sa|com|org|net)\b\S*"
)


def shape_line(line: str) -> str:
    """One row reshaped (joined letter forms) and put in visual order.

    Latin tokens ("/quit", links) and isolated dates (FSI … PDI, arabic_text.display)
    are held left to right with LRM marks, so "/quit" does not come out as "quit/"
    nor ٢٠٢٣-١١-٠١ as ٠١-١١-٢٠٢٣; the marks are dropped afterwards, as the row is
    already in visual order.
    """
    marked = _LTR_TOKEN.sub(lambda m: f"{LRM}{m.group(0)}{LRM}", line)
    marked = _ISOLATED.sub(lambda m: LRM + _DATE_SEPARATOR.sub(f"{LRM}\\1{LRM}", m.group(1)) + LRM, marked)
    return strip_bidi_controls(get_display(arabic_reshaper.reshape(marked)))


def text_width(text: str) -> int:
    """Terminal columns `text` takes (emoji count 2, harakat 0, controls 0)."""
    width = wcswidth(strip_bidi_controls(text))
    return width if width >= 0 else sum(max(wcwidth(ch), 0) for ch in text)


def _split_word(word: str, width: int) -> list[str]:
    pieces, current = [], ""
    for ch in word:
        if current and text_width(current + ch) > width:
            pieces.append(current)
            current = ""
        current += ch
    return pieces + ([current] if current else [])


def wrap_logical_line(line: str, width: int) -> list[str]:
    """`line` (logical order) cut into rows of at most `width` columns, at spaces;
    a word longer than a row is cut inside. Leading indentation is kept on the first row."""
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width}")
    if text_width(line) <= width:
        return [line]
    rows: list[str] = []
    current = ""
    for word in line.split(" "):
        if not word and current:
            continue
        candidate = f"{current} {word}" if current else word
        if text_width(candidate) <= width:
            current = candidate
            continue
        if current:
            rows.append(current)
        if text_width(word) > width:
            *full, current = _split_word(word, width)
            rows.extend(full)
        else:
            current = word
    if current:
        rows.append(current)
    return rows or [""]


def display_rows(
    text: str, width: int, shape: str = "auto", stream: TextIO | None = None, environ: Mapping[str, str] | None = None
) -> list[str]:
    """The printed rows of `text` for a terminal `width` columns wide.

    Each logical line is wrapped to the width first and each row is then reordered
    for display (when shaping, see should_shape). Reordering first would put the end
    of a sentence on the first row and cut words in the middle.
    """
    shaping = should_shape(shape, stream, environ)
    rows: list[str] = []
    for line in (text or "").split("\n"):
        for row in wrap_logical_line(line, width):
            rows.append(shape_line(row) if shaping else row)
    return rows


def display_text(
    text: str, shape: str = "auto", stream: TextIO | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """Text ready to print: shaped line by line when needed (see the module docstring).

    shape="always" shapes, "never" returns the text unchanged, "auto" shapes only for a
    terminal (stream, default sys.stdout) that does not render Arabic itself.
    """
    if not text or not should_shape(shape, stream, environ):
        return text
    return "\n".join(shape_line(line) for line in text.split("\n"))
