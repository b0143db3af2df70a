"""Rasa's REST channel, answering 400 to a body it cannot use instead of failing.

Rasa 3.6's RestInput calls `.get` on the parsed body, so a JSON array or a bare string
made it answer 500. This subclass checks the body's shape first; everything else is
Rasa's own channel, at the same URL (/webhooks/rest/webhook).
"""

from __future__ import annotations

from rasa.core.channels.rest import RestInput
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from arabic_text.pii import install_pii_log_filter

# Masks IDs, phones, IBANs and e-mails in every log record of the Rasa process.
install_pii_log_filter()


class ValidatingRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    async def _extract_sender(self, req: Request) -> str | None:
        body = req.json
        if not isinstance(body, dict):
            raise InvalidUsage('The body must be a JSON object: {"sender": "...", "message": "..."}')
        if not isinstance(body.get("message", ""), str) or not isinstance(body.get("sender", ""), (str, int)):
            raise InvalidUsage('"sender" and "message" must be strings.')
        return await super()._extract_sender(req)
