import pytest

from channels.whatsapp_messages import interactive_messages, text_messages, truncate, unique_titles
from tests.fakes.graph_validation import message_problem
from tests.fakes.whatsapp_identities import USER_NUMBER

YES_NO = [{"title": "نعم", "payload": "/affirm"}, {"title": "لا", "payload": "/deny"}]


def _buttons(count, title="خيار"):
    return [{"title": f"{title} {i}", "payload": f'/choose{{"n": {i}}}'} for i in range(count)]


def test_truncated_title_fits_and_ends_with_ellipsis():
    title = truncate("هل لديك حساب بنكي باسمك الشخصي؟", 20)
    assert len(title) <= 20 and title.endswith("…")


def test_short_title_is_kept_as_is():
    assert truncate("نعم", 20) == "نعم"


def test_text_message_has_meta_shape():
    [message] = text_messages(USER_NUMBER, "مرحبا")
    assert message == {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": USER_NUMBER,
        "type": "text",
        "text": {"body": "مرحبا", "preview_url": False},
    }


def test_up_to_three_buttons_become_reply_buttons_with_payload_ids():
    [message] = interactive_messages(USER_NUMBER, "هل أنت سعودي الجنسية؟", YES_NO)
    interactive = message["interactive"]
    assert interactive["type"] == "button"
    assert [b["reply"]["id"] for b in interactive["action"]["buttons"]] == ["/affirm", "/deny"]
    assert message_problem(message) is None


def test_more_than_three_buttons_become_a_list():
    [message] = interactive_messages(USER_NUMBER, "اختر موضوعا", _buttons(5))
    assert message["interactive"]["type"] == "list"
    assert len(message["interactive"]["action"]["sections"][0]["rows"]) == 5
    assert message_problem(message) is None


def test_more_than_ten_choices_are_spread_over_several_lists():
    messages = interactive_messages(USER_NUMBER, "اختر موضوعا", _buttons(13))
    assert [len(m["interactive"]["action"]["sections"][0]["rows"]) for m in messages] == [10, 3]
    assert all(message_problem(m) is None for m in messages)


@pytest.mark.parametrize("count", [2, 6])
def test_long_titles_are_shortened_so_meta_accepts_them(count):
    messages = interactive_messages(USER_NUMBER, "اختر", _buttons(count, title="عنوان طويل جدا لا يتسع في الزر"))
    assert all(message_problem(m) is None for m in messages)


def test_body_too_long_for_interactive_is_sent_first_as_text():
    body = "جملة طويلة للتجربة. " * 80  # about 1,600 characters
    messages = interactive_messages(USER_NUMBER, body, YES_NO)
    assert [m["type"] for m in messages] == ["text", "interactive"]
    assert all(message_problem(m) is None for m in messages)


def test_payload_longer_than_meta_allows_falls_back_to_title():
    [message] = interactive_messages(USER_NUMBER, "اختر", [{"title": "نعم", "payload": "/x" + "a" * 300}])
    assert message["interactive"]["action"]["buttons"][0]["reply"]["id"] == "نعم"


def test_buttons_without_text_get_a_default_body():
    [message] = interactive_messages(USER_NUMBER, "", YES_NO)
    assert message["interactive"]["body"]["text"]
    assert message_problem(message) is None


def test_url_buttons_become_text_links():
    [message] = interactive_messages(USER_NUMBER, "للتقديم", [{"title": "المنصة", "url": "https://sbis.hrsd.gov.sa"}])
    assert message["type"] == "text" and "https://sbis.hrsd.gov.sa" in message["text"]["body"]


def test_titles_equal_after_cutting_are_numbered_apart():
    titles = unique_titles(["عنوان طويل جدا لا يتسع في الزر أ", "عنوان طويل جدا لا يتسع في الزر ب"], 20)
    assert len(set(titles)) == 2 and all(len(t) <= 20 for t in titles)
