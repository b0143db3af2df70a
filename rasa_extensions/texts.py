"""Arabic texts the Rasa extensions send themselves, in one place.

The domain's responses are the home of what the bot says; a text here is only a
last resort for when the domain's response cannot be rendered, and a test
(tests/test_texts_have_one_home.py) keeps it equal to the domain's.
"""

from __future__ import annotations

# Sent by the action-server guard when `utter_temporarily_unavailable` cannot be
# rendered (no such response, or the NLG itself failing); same words as domain.yml.
TEMPORARILY_UNAVAILABLE_FALLBACK = "الخدمة غير متاحة مؤقتاً، فضلاً حاول مرة أخرى بعد قليل."
