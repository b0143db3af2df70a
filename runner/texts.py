"""Arabic texts the runner shows (the terminal chat, the start-up help), in one place."""

from __future__ import annotations

# The terminal chat's prompt (runner.chat).
CHAT_PROMPT = "اكتب رسالتك، أو /quit للخروج:"
# The terminal chat could not reach Rasa; {error} is the exception's class name.
CHAT_CONNECTION_FAILED = "تعذر الاتصال بالمساعد ({error}). هل هو يعمل؟ شغّله بـ make run"
# The user message in the start-up help's curl example (runner.__main__).
EXAMPLE_QUESTION = "وش شروط الضمان المطور؟"
