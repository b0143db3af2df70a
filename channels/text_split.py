"""Split long bot answers into pieces a messaging API accepts.

WhatsApp rejects text bodies over 4,096 characters. Cutting blindly could split a
word or a sentence in half, which reads badly in Arabic, so we cut at the last
sentence end (. ! ? ؟ ؛ ، or a newline) that fits, then at a space, and only as a
last resort in the middle of a word.
"""

from __future__ import annotations

WHATSAPP_TEXT_LIMIT = 4096

# Characters after which a cut reads naturally. The Arabic comma and question mark
# are included because Arabic answers often use them instead of Latin punctuation.
SENTENCE_ENDS = ".!?؟؛;،\n"


def _cut_position(rest: str, limit: int) -> int:
    """Where to cut `rest` (longer than `limit`) so that the first piece reads naturally."""
    window = rest[:limit]
    sentence_end = -1
    for index, char in enumerate(window):
        if char not in SENTENCE_ENDS:
            continue
        # "1.5" or "sbis.hrsd.gov.sa" must not be cut: a sentence end is a newline or
        # is followed by whitespace (looking one character past the window).
        if char == "\n" or rest[index + 1].isspace():
            sentence_end = index + 1
    space = max(window.rfind(" "), window.rfind("\t"))
    if rest[limit].isspace():
        space = limit
    # A sentence end in the second half keeps pieces long; an early one would leave
    # a tiny message, so a late space is preferred then.
    if sentence_end >= limit // 2:
        return sentence_end
    if space > 0:
        return space + (0 if space == limit else 1)
    if sentence_end > 0:
        return sentence_end
    return limit


def split_text(text: str, limit: int = WHATSAPP_TEXT_LIMIT) -> list[str]:
    """Split `text` into non-empty pieces of at most `limit` characters, in order.

    Whitespace at the cut points is dropped; text within a piece is kept as is.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1 character")
    pieces: list[str] = []
    rest = (text or "").strip()
    while len(rest) > limit:
        cut = _cut_position(rest, limit)
        piece = rest[:cut].strip()
        if piece:
            pieces.append(piece)
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return pieces
