"""What a message made of no words says: nothing, a thanks or approval emoji, or other symbols.

"" / "   " → EMPTY; "👍", "🙏🌹", "👍🏻" → SYMBOLS with `is_thanks_or_approval` True;
"😀", "🤔", "؟؟" → SYMBOLS with it False; anything with a letter or a digit → WORDS.
Skin-tone modifiers, variation selectors and zero-width joiners are ignored, so "👍🏽"
and "❤️" read as "👍" and "❤". Pure Python (unicodedata), no Rasa.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

MessageKind = Literal["empty", "symbols", "words"]
EMPTY: MessageKind = "empty"
SYMBOLS: MessageKind = "symbols"
WORDS: MessageKind = "words"

# Emoji people send to say thanks or "fine" after an answer (thumbs up, OK hand, folded
# hands, hearts, flowers, a check mark). A 👍 to a yes/no question is read as a yes by
# yes_no.parse_yes_no first; these only matter when no question is pending.
_THANKS_OR_APPROVAL = frozenset(
    "👍 👌 🙏 🤝 👏 ✅ ✔ ☑ 🆗 ❤ ♥ 💙 💚 🤍 💜 🧡 💛 🌹 🌷 💐 🌸 😊 🥰 😍 ☺ 🙂 😘 💯".split()
)
# Marks that only modify the emoji before them.
_MODIFIERS = frozenset({"\ufe0f", "\ufe0e", "\u200d", "\u20e3"}) | {chr(c) for c in range(0x1F3FB, 0x1F400)}


def message_kind(text: str | None) -> MessageKind:
    """EMPTY for no text or only spaces; WORDS when any letter or digit is present
    (any script); SYMBOLS for the rest (emoji, punctuation, symbols)."""
    if not text or not text.strip():
        return EMPTY
    if any(unicodedata.category(ch)[0] in "LN" for ch in text):
        return WORDS
    return SYMBOLS


def symbols_in(text: str) -> list[str]:
    """The visible symbols of `text`, modifiers and spaces removed ("👍🏻 🌹" → ["👍", "🌹"])."""
    return [ch for ch in text if not ch.isspace() and ch not in _MODIFIERS]


def is_thanks_or_approval(text: str | None) -> bool:
    """True when a words-free message is only thanks / approval emoji ("👍", "🙏🙏", "🌹❤️")."""
    if message_kind(text) != SYMBOLS:
        return False
    shown = symbols_in(text or "")
    return bool(shown) and all(ch in _THANKS_OR_APPROVAL for ch in shown)
