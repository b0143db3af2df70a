"""A Sanic app that loads socket.io channels from a credentials file exactly as
`rasa run --credentials` does, with a scripted agent instead of a trained model.

Usage: python tests/webchat/channel_app.py CREDENTIALS_YML PORT
"""

from __future__ import annotations

import sys

from rasa.core.channels.channel import UserMessage, register
from rasa.core.run import create_http_input_channels
from sanic import Sanic

ELIGIBILITY_PAYLOAD = {
    "eligible": True,
    "failed_conditions": [],
    "threshold_sar": 3300,
    "counted_income_sar": 550,
    "estimated_support_sar": 2750,
    "rules_version": "2023-11-01",
}
YES_NO = [{"title": "نعم", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}]


class ScriptedAgent:
    """Answers every message the way the real actions do: a question with
    buttons, then a text with the custom eligibility payload beside it."""

    async def handle_message(self, message: UserMessage) -> None:
        out = message.output_channel
        await out.send_response(message.sender_id, {"text": f"وصلتني: {message.text}", "buttons": YES_NO})
        await out.send_response(
            message.sender_id, {"text": "هذه نتيجتك", "custom": {"eligibility_result": dict(ELIGIBILITY_PAYLOAD)}}
        )


def main(credentials: str, port: int) -> None:
    app = Sanic("webchat_channel_check")
    app.ctx.agent = ScriptedAgent()
    register(create_http_input_channels(None, credentials), app, route="/webhooks/")
    app.run(host="127.0.0.1", port=port, access_log=False, motd=False)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
