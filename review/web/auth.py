"""Signing staff in and out: sessions in the review DB, cookies, failed-attempt limits."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from aiohttp import web
from sqlalchemy.engine import Engine

from review.accounts import Staff, authenticate, normalize_username, staff_by_id
from review.review_db import SESSIONS
from review.texts import PAGE_MESSAGES, PAGE_TITLES
from review.web import csrf
from review.web.keys import CLOCK, CONFIG, LIMITER, REVIEW_ENGINE
from review.web.render import render_page

SESSION_COOKIE = "review_session"
PUBLIC_PATHS = frozenset({"/login", "/static/review.css"})


def see_other(location: str) -> web.Response:
    """A 303 redirect that is returned (not raised) so cookies set on it are kept."""
    return web.Response(status=303, headers={"Location": location})


@dataclass(frozen=True)
class StaffSession:
    staff: Staff
    csrf_token: str
    token_hash: str


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def start_session(engine: Engine, staff: Staff, now: float, lifetime: float) -> str:
    """A new random cookie value; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    with engine.begin() as connection:
        connection.execute(SESSIONS.delete().where(SESSIONS.c.expires_at < now))
        connection.execute(
            SESSIONS.insert().values(
                token_hash=_hash(token),
                staff_id=staff.id,
                csrf_token=secrets.token_urlsafe(32),
                created_at=now,
                expires_at=now + lifetime,
            )
        )
    return token


def load_session(engine: Engine, token: str | None, now: float) -> StaffSession | None:
    if not token:
        return None
    with engine.connect() as connection:
        row = connection.execute(
            sa.select(SESSIONS).where(SESSIONS.c.token_hash == _hash(token), SESSIONS.c.expires_at > now)
        ).first()
    staff = staff_by_id(engine, row.staff_id) if row else None
    return StaffSession(staff, row.csrf_token, row.token_hash) if staff else None


def end_session(engine: Engine, session: StaffSession) -> None:
    with engine.begin() as connection:
        connection.execute(SESSIONS.delete().where(SESSIONS.c.token_hash == session.token_hash))


@web.middleware
async def session_middleware(request: web.Request, handler):
    config = request.app[CONFIG]
    request["session"] = load_session(
        request.app[REVIEW_ENGINE], request.cookies.get(SESSION_COOKIE), request.app[CLOCK]()
    )
    if request["session"] is None and request.path not in PUBLIC_PATHS:
        if request.method == "GET":
            raise web.HTTPSeeOther("/login")
        raise web.HTTPUnauthorized(text=PAGE_MESSAGES["login_required"], content_type="text/plain")
    if request.method in csrf.UNSAFE_METHODS and not await csrf.has_valid_token(request):
        return render_page(
            request,
            "message.html",
            status=403,
            title=PAGE_TITLES["refused"],
            message=PAGE_MESSAGES["form_expired"],
        )
    response = await handler(request)
    csrf.set_pre_session_cookie(request, response, config.secure_cookies)
    return response


async def login_page(request: web.Request) -> web.Response:
    if request["session"] is not None:
        raise web.HTTPSeeOther("/")
    return render_page(request, "login.html", title=PAGE_TITLES["login"], error=None, username="")


def _limit_keys(request: web.Request, username: str) -> list:
    return [f"user:{username}", f"ip:{request.remote or 'unknown'}"]


async def login_submit(request: web.Request) -> web.Response:
    form = await request.post()
    username = normalize_username(str(form.get("username", "")))
    password = str(form.get("password", ""))
    limiter = request.app[LIMITER]
    keys = _limit_keys(request, username)
    # The counter is in the database and scrypt takes tens of ms: both run off the event loop.
    loop = asyncio.get_running_loop()
    if await loop.run_in_executor(None, limiter.blocked, keys):
        return render_page(
            request,
            "login.html",
            status=429,
            title=PAGE_TITLES["login"],
            username=username,
            error=PAGE_MESSAGES["login_throttled"],
        )
    staff = await loop.run_in_executor(None, authenticate, request.app[REVIEW_ENGINE], username, password)
    if staff is None:
        await loop.run_in_executor(None, limiter.record_failure, keys)
        return render_page(
            request,
            "login.html",
            status=401,
            title=PAGE_TITLES["login"],
            username=username,
            error=PAGE_MESSAGES["login_failed"],
        )
    await loop.run_in_executor(None, limiter.reset, keys[0])
    config = request.app[CONFIG]
    token = start_session(request.app[REVIEW_ENGINE], staff, request.app[CLOCK](), config.session_seconds)
    response = see_other("/")
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="Strict",
        secure=config.secure_cookies,
        path="/",
        max_age=int(config.session_seconds),
    )
    response.del_cookie(csrf.PRE_SESSION_COOKIE, path="/")
    return response


async def logout(request: web.Request) -> web.Response:
    end_session(request.app[REVIEW_ENGINE], request["session"])
    response = see_other("/login")
    response.del_cookie(SESSION_COOKIE, path="/")
    return response
