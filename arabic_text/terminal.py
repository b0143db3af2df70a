"""Arabic in terminals: shape and reorder only where the terminal will not do it itself.

Most terminals draw Arabic letters unjoined and left to right. arabic_reshaper picks the
joined presentation forms and python-bidi puts each line in visual order, so the text reads
right. Terminals that already do bidi (iTerm2, VS Code, WezTerm, mlterm, VTE-based ones such
as GNOME Terminal) would then reverse it a second time, so they are left alone, as is any
output that is not a terminal (pipes, files, logs), which must keep the logical text.
"""
from __future__ import annotations

import os
import sys
from typing import Mapping, Optional, TextIO

import arabic_reshaper
from bidi.algorithm import get_display

# TERM_PROGRAM values of terminals that shape and reorder Arabic on their own.
BIDI_AWARE_TERMINALS = frozenset({"iTerm.app", "vscode", "WezTerm", "mlterm"})
# Variables that only bidi-aware terminals set (VTE: GNOME Terminal, Tilix; Konsole).
BIDI_AWARE_MARKERS = ("VTE_VERSION", "KONSOLE_VERSION")
SHAPE_MODES = ("auto", "always", "never")


def terminal_does_bidi(environ: Optional[Mapping[str, str]] = None) -> bool:
    """Whether the terminal described by the environment renders Arabic itself."""
    environ = os.environ if environ is None else environ
    if environ.get("TERM_PROGRAM", "") in BIDI_AWARE_TERMINALS:
        return True
    return any(environ.get(name) for name in BIDI_AWARE_MARKERS)


def _is_tty(stream: Optional[TextIO]) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError):  # closed or fake streams
        return False


def should_shape(shape: str = "auto", stream: Optional[TextIO] = None,
                 environ: Optional[Mapping[str, str]] = None) -> bool:
    """Decide whether display_text would shape for this mode, stream and environment."""
    if shape not in SHAPE_MODES:
        raise ValueError(f"shape must be one of {SHAPE_MODES}, got {shape!r}")
    if shape != "auto":
        return shape == "always"
    stream = sys.stdout if stream is None else stream
    return _is_tty(stream) and not terminal_does_bidi(environ)


def shape_line(line: str) -> str:
    """One line reshaped (joined letter forms) and put in visual order."""
    return get_display(arabic_reshaper.reshape(line))


def display_text(text: str, shape: str = "auto", stream: Optional[TextIO] = None,
                 environ: Optional[Mapping[str, str]] = None) -> str:
    """Text ready to print: shaped line by line when needed (see the module docstring).

    shape="always" shapes, "never" returns the text unchanged, "auto" shapes only for a
    terminal (stream, default sys.stdout) that does not render Arabic itself.
    """
    if not text or not should_shape(shape, stream, environ):
        return text
    return "\n".join(shape_line(line) for line in text.split("\n"))
