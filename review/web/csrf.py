"""CSRF protection: every POST must carry the token of the current session.

Signed-in staff get a random token stored with their session. Before sign-in
(the sign-in form itself) the token is a random cookie value echoed in the form
("double submit"); SameSite=Strict already stops other sites from sending it.
"""

from __future__ import annotations

import hmac
import secrets

from aiohttp import web

PRE_SESSION_COOKIE = "review_csrf"
FIELD = "csrf_token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def expected_token(request: web.Request) -> str | None:
    session = request.get("session")
    if session is not None:
        return session.csrf_token
    return request.cookies.get(PRE_SESSION_COOKIE) or request.get("new_pre_session_token")


def token_for_form(request: web.Request) -> str:
    """The token to put in forms on this page; makes a pre-session token when needed."""
    token = expected_token(request)
    if token is None:
        token = request["new_pre_session_token"] = secrets.token_urlsafe(32)
    return token


def set_pre_session_cookie(request: web.Request, response: web.StreamResponse, secure: bool) -> None:
    token = request.get("new_pre_session_token")
    if token:
        response.set_cookie(PRE_SESSION_COOKIE, token, httponly=True, samesite="Strict", secure=secure, path="/")


async def has_valid_token(request: web.Request) -> bool:
    expected = expected_token(request)
    form = await request.post()
    given = form.get(FIELD)
    if not expected or not isinstance(given, str):
        return False
    return hmac.compare_digest(given.encode(), expected.encode())
