"""Writing to a WhatsApp conversation later (staff replies): the sealed number, the 24-hour
window, and the output channel Rasa's `output_channel=latest` gets from the input channel."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from arabic_text.pseudonyms import phone_pseudonym
from channels.whatsapp import WhatsAppInput
from channels.whatsapp_outbound import DeliveryFailed, RecipientUnavailable
from channels.whatsapp_recipients import CUSTOMER_SERVICE_WINDOW_SECONDS, RecipientBook
from tests.fakes import meta_webhook as meta
from tests.fakes.channel_harness import ChannelHarness
from tests.fakes.whatsapp_identities import APP_SECRET, SENDER_KEY, USER_NUMBER


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_number_is_kept_sealed_and_only_within_the_window(tmp_path):
    clock = Clock()
    path = tmp_path / "wa.db"
    book = RecipientBook(str(path), SENDER_KEY, clock=clock)
    book.remember("phone_abc", USER_NUMBER)
    assert book.number_for("phone_abc") == USER_NUMBER
    with sqlite3.connect(path) as connection:
        stored = connection.execute("SELECT * FROM recipients").fetchall()
    assert stored and USER_NUMBER not in repr(stored) and USER_NUMBER[-7:] not in repr(stored)
    clock.now += CUSTOMER_SERVICE_WINDOW_SECONDS + 1
    assert book.number_for("phone_abc") is None
    # Another key cannot open it.
    clock.now -= 10
    assert RecipientBook(str(path), "another-key", clock=clock).number_for("phone_abc") is None


def test_a_staff_reply_reaches_the_user_through_the_graph_api(settings, fake_graph):
    async def main():
        channel = WhatsAppInput(settings)
        async with ChannelHarness(channel) as harness:
            body, headers = meta.signed(meta.webhook([meta.text_message(USER_NUMBER, "ابي موظف")]), APP_SECRET)
            await harness.post(body, headers)
        fake_graph.reset()
        output = channel.get_output_channel()
        await output.send_response(channel.sender_id_for(USER_NUMBER), {"text": "معك سارة من فريق الدعم"})
        return output

    output = asyncio.run(main())
    assert output.name() == "whatsapp"
    [sent] = fake_graph.sent_messages(USER_NUMBER)
    assert sent["text"]["body"] == "معك سارة من فريق الدعم"


def test_no_number_or_a_failed_send_is_an_error_not_silence(settings, fake_graph):
    channel = WhatsAppInput(settings)
    output = channel.get_output_channel()
    with pytest.raises(RecipientUnavailable):
        asyncio.run(output.send_response(phone_pseudonym("966500000001", SENDER_KEY), {"text": "مرحبا"}))
    channel._recipients.remember("phone_x", USER_NUMBER)
    fake_graph.fail_next(5, status=400)
    with pytest.raises(DeliveryFailed):
        asyncio.run(output.send_response("phone_x", {"text": "مرحبا"}))


def test_an_unconfigured_channel_offers_no_output(unconfigured_settings):
    assert WhatsAppInput(unconfigured_settings).get_output_channel() is None
