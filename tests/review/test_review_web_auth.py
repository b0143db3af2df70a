"""Staff sign-in: passwords, sessions, cookie flags, CSRF and the failed-attempt limit."""

from __future__ import annotations

import pytest
from review_web_helpers import STAFF_PASSWORD, Clock, login_form_token, make_app, page_token, run, sign_in

from review.annotations import tags_for
from review.review_db import review_engine
from review.web.ratelimit import FailureLimiter


def _set_cookies(response) -> dict:
    """Set-Cookie headers by cookie name, as raw strings."""
    return {h.split("=", 1)[0]: h for h in response.headers.getall("Set-Cookie", [])}


@pytest.mark.parametrize(
    "method, path, expected",
    [
        ("GET", "/", 303),
        ("GET", "/?page=2&q=x", 303),
        ("GET", "/conversation?id=web-faq", 303),
        ("GET", "/handoffs", 303),
        ("GET", "/report", 303),
        ("GET", "/report/outcomes.png", 303),
        ("GET", "/corrections.yml", 303),
        ("GET", "/export.csv", 303),
        ("POST", "/conversation/tag", 401),
        ("POST", "/handoffs/1/handled", 401),
    ],
)
def test_nothing_is_reachable_without_signing_in(review_data, staff_db, method, path, expected):
    async def scenario(client):
        response = await client.request(method, path, allow_redirects=False)
        return response.status, response.headers.get("Location")

    status, location = run(make_app(review_data, staff_db), scenario)
    assert status == expected
    if expected == 303:
        assert location == "/login"


def test_wrong_password_is_refused_in_arabic_without_a_session(review_data, staff_db):
    async def scenario(client):
        response = await sign_in(client, password="Wrong-Password-1")
        return response.status, await response.text(), _set_cookies(response)

    status, html, cookies = run(make_app(review_data, staff_db), scenario)
    assert status == 401
    assert "اسم المستخدم أو كلمة المرور غير صحيحة" in html
    assert "review_session" not in cookies


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(review_data, staff_db):
    async def scenario(client):
        response = await sign_in(client, username="nobody")
        return response.status, await response.text()

    status, html = run(make_app(review_data, staff_db), scenario)
    assert status == 401 and "اسم المستخدم أو كلمة المرور غير صحيحة" in html


def test_signing_in_sets_an_httponly_samesite_strict_session_cookie(review_data, staff_db):
    async def scenario(client):
        response = await sign_in(client)
        home = await client.get("/")
        return response.status, response.headers.get("Location"), _set_cookies(response), home.status

    status, location, cookies, home_status = run(make_app(review_data, staff_db), scenario)
    assert (status, location, home_status) == (303, "/", 200)
    session = cookies["review_session"].lower()
    assert "httponly" in session and "samesite=strict" in session and "path=/" in session
    assert "secure" not in session.replace("samesite", "")


def test_cookies_are_secure_when_configured_for_https(review_data, staff_db):
    async def scenario(client):
        login = await client.get("/login")
        token = await login_form_token(client)
        # The test client speaks http, so it would not send a Secure cookie back by itself.
        response = await client.post(
            "/login",
            allow_redirects=False,
            headers={"Cookie": f"review_csrf={token}"},
            data={"username": "noura", "password": STAFF_PASSWORD, "csrf_token": token},
        )
        return _set_cookies(login), _set_cookies(response)

    before, after = run(make_app(review_data, staff_db, secure_cookies=True), scenario)
    assert "; secure" in before["review_csrf"].lower()
    assert "; secure" in after["review_session"].lower()


def test_sign_in_form_without_csrf_token_is_rejected(review_data, staff_db):
    async def scenario(client):
        await client.get("/login")  # has the pre-session cookie, but the form omits the token
        response = await client.post(
            "/login", data={"username": "noura", "password": STAFF_PASSWORD}, allow_redirects=False
        )
        return response.status, _set_cookies(response)

    status, cookies = run(make_app(review_data, staff_db), scenario)
    assert status == 403 and "review_session" not in cookies


def test_post_with_missing_wrong_or_pre_session_token_is_rejected(review_data, staff_db):
    async def scenario(client):
        pre_session_token = await login_form_token(client)
        await sign_in(client)
        statuses = []
        for token in (None, "forged-token", pre_session_token):
            form = {"id": "web-faq", "tag": "مراجعة"}
            if token:
                form["csrf_token"] = token
            response = await client.post("/conversation/tag", data=form, allow_redirects=False)
            statuses.append(response.status)
        good = await client.post(
            "/conversation/tag",
            allow_redirects=False,
            data={"id": "web-faq", "tag": "مقبول", "csrf_token": await page_token(client)},
        )
        return statuses, good.status

    statuses, good_status = run(make_app(review_data, staff_db), scenario)
    assert statuses == [403, 403, 403]
    assert good_status == 303
    assert tags_for(review_engine(staff_db), ["web-faq"]) == {"web-faq": ["مقبول"]}


def test_five_failed_sign_ins_block_the_user_with_429_until_the_window_passes(review_data, staff_db):
    clock = Clock()

    async def scenario(client):
        statuses = [(await sign_in(client, password=f"wrong-{i}-password")).status for i in range(5)]
        blocked = await sign_in(client)
        blocked_text = await blocked.text()
        clock.now += 15 * 60 + 1
        later = await sign_in(client)
        return statuses, blocked.status, blocked_text, later.status

    statuses, blocked, text, later = run(make_app(review_data, staff_db, clock=clock), scenario)
    assert statuses == [401] * 5
    assert blocked == 429, "even the right password waits"
    assert "محاولات دخول كثيرة" in text
    assert later == 303


def test_failures_spread_over_many_user_names_block_the_address(review_data, staff_db):
    async def scenario(client):
        for i in range(5):
            await sign_in(client, username=f"guess{i}", password="wrong-password-x")
        return (await sign_in(client)).status

    assert run(make_app(review_data, staff_db), scenario) == 429


def test_limiter_counts_each_key_separately_and_forgets_old_failures(staff_db):
    clock = Clock()
    limiter = FailureLimiter(review_engine(staff_db), limit=2, window=60, clock=clock)
    limiter.record_failure(["user:a", "ip:1"])
    limiter.record_failure(["user:a", "ip:2"])
    assert limiter.blocked(["user:a", "ip:3"])
    assert not limiter.blocked(["user:b", "ip:1"])
    clock.now += 61
    assert not limiter.blocked(["user:a"])


def test_signing_out_ends_the_session_on_the_server(review_data, staff_db):
    async def scenario(client):
        await sign_in(client)
        cookie = client.session.cookie_jar.filter_cookies(client.make_url("/"))["review_session"].value
        token = await page_token(client)
        out = await client.post("/logout", data={"csrf_token": token}, allow_redirects=False)
        client.session.cookie_jar.update_cookies({"review_session": cookie})  # replay the old cookie
        replay = await client.get("/", allow_redirects=False)
        return out.status, replay.status

    assert run(make_app(review_data, staff_db), scenario) == (303, 303)


def test_sessions_expire(review_data, staff_db):
    clock = Clock()

    async def scenario(client):
        await sign_in(client)
        clock.now += 8 * 3600 + 1
        return (await client.get("/", allow_redirects=False)).status

    assert run(make_app(review_data, staff_db, clock=clock), scenario) == 303


def test_pages_send_protective_headers(review_data, staff_db):
    async def scenario(client):
        response = await client.get("/login")
        return dict(response.headers)

    headers = run(make_app(review_data, staff_db), scenario)
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
