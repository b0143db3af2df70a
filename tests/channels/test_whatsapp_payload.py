import pytest

from channels.whatsapp_payload import PayloadError, parse_webhook
from tests.fakes import meta_webhook as meta
from tests.fakes.whatsapp_identities import USER_NUMBER


def test_text_message_is_read_with_sender_id_and_business_number():
    payload = meta.webhook(
        [meta.text_message(USER_NUMBER, "السلام عليكم", message_id="wamid.A1")], phone_number_id="42"
    )
    [message] = parse_webhook(payload).messages
    assert (message.kind, message.text, message.sender, message.message_id, message.phone_number_id) == (
        "text",
        "السلام عليكم",
        USER_NUMBER,
        "wamid.A1",
        "42",
    )


@pytest.mark.parametrize("builder", [meta.button_reply, meta.list_reply])
def test_interactive_reply_gives_the_button_payload(builder):
    payload = meta.webhook([builder(USER_NUMBER, "/affirm", "نعم")])
    [message] = parse_webhook(payload).messages
    assert (message.kind, message.text) == ("reply", "/affirm")


@pytest.mark.parametrize("media_type", ["audio", "image", "sticker", "video", "document", "location"])
def test_non_text_messages_are_media(media_type):
    [message] = parse_webhook(meta.webhook([meta.media_message(USER_NUMBER, media_type)])).messages
    assert message.kind == "media"
    assert message.message_type == media_type


def test_reaction_needs_no_answer():
    reaction = meta._message(USER_NUMBER, "reaction", {"reaction": {"message_id": "wamid.X", "emoji": "👍"}}, None)
    [message] = parse_webhook(meta.webhook([reaction])).messages
    assert message.kind == "silent"


def test_status_callbacks_are_counted_not_returned_as_messages():
    statuses = [meta.status_update(USER_NUMBER, s) for s in ("sent", "delivered", "read")]
    batch = parse_webhook(meta.webhook(statuses=statuses))
    assert batch.messages == [] and batch.statuses == 3


def test_sender_number_is_reduced_to_digits():
    [message] = parse_webhook(meta.webhook([meta.text_message("+966 50 123 4567", "hi")])).messages
    assert message.sender == USER_NUMBER


def test_message_without_id_is_skipped_but_others_are_kept():
    payload = meta.webhook([meta.text_message(USER_NUMBER, "أولى"), meta.text_message(USER_NUMBER, "ثانية")])
    del payload["entry"][0]["changes"][0]["value"]["messages"][0]["id"]
    batch = parse_webhook(payload)
    assert [m.text for m in batch.messages] == ["ثانية"] and batch.skipped == 1


@pytest.mark.parametrize(
    "payload",
    [
        [],
        "text",
        {"object": "page", "entry": []},
        {"object": "whatsapp_business_account"},
        {"object": "whatsapp_business_account", "entry": {"id": "1"}},
    ],
)
def test_unreadable_envelope_raises_payload_error(payload):
    with pytest.raises(PayloadError):
        parse_webhook(payload)


def test_change_for_another_webhook_field_is_skipped():
    payload = meta.webhook([meta.text_message(USER_NUMBER, "hi")])
    payload["entry"][0]["changes"][0]["field"] = "account_update"
    batch = parse_webhook(payload)
    assert batch.messages == [] and batch.skipped == 1
