"""Building and running the staff web application."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from review.queries import tracker_engine
from review.rasa_api import RasaApi
from review.review_db import review_engine
from review.settings import rasa_api_token, rasa_api_url
from review.web import auth, inbox_pages, more_pages, pages
from review.web.keys import ACTION_LIMITER, CLOCK, CONFIG, LIMITER, RASA, REVIEW_ENGINE, TRACKER_ENGINE
from review.web.ratelimit import ActionLimiter, FailureLimiter

STATIC = Path(__file__).resolve().parent / "static"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


@dataclass(frozen=True)
class ReviewConfig:
    tracker_db_url: str
    status_db_url: str | None = None
    review_db_url: str | None = None
    # Secure cookies are only sent over https; turn on when behind a TLS proxy.
    secure_cookies: bool = field(default_factory=lambda: _env_flag("REVIEW_SECURE_COOKIES"))
    session_seconds: float = 8 * 3600
    max_failed_sign_ins: int = 5
    failed_sign_in_window: float = 15 * 60
    # The live inbox: Rasa's HTTP API (RASA_URL, RASA_TOKEN) and the per-staff action limit.
    rasa_url: str = field(default_factory=rasa_api_url)
    rasa_token: str = field(default_factory=rasa_api_token)
    max_inbox_actions: int = 60
    inbox_action_window: float = 60.0


@web.middleware
async def security_headers(request: web.Request, handler):
    response = await handler(request)
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("Cache-Control", "no-store")
    return response


async def _stylesheet(request: web.Request) -> web.Response:
    return web.Response(
        text=(STATIC / "review.css").read_text(encoding="utf-8"), content_type="text/css", charset="utf-8"
    )


async def _inbox_script(request: web.Request) -> web.Response:
    return web.Response(
        text=(STATIC / "inbox.js").read_text(encoding="utf-8"), content_type="application/javascript", charset="utf-8"
    )


def create_app(config: ReviewConfig, clock: Callable[[], float] = time.time) -> web.Application:
    app = web.Application(middlewares=[security_headers, auth.session_middleware])
    app[CONFIG] = config
    app[CLOCK] = clock
    app[REVIEW_ENGINE] = review_engine(config.review_db_url)
    app[TRACKER_ENGINE] = tracker_engine(config.tracker_db_url)
    app[LIMITER] = FailureLimiter(app[REVIEW_ENGINE], config.max_failed_sign_ins, config.failed_sign_in_window, clock)
    app[ACTION_LIMITER] = ActionLimiter(app[REVIEW_ENGINE], config.max_inbox_actions, config.inbox_action_window, clock)
    app[RASA] = RasaApi(config.rasa_url, config.rasa_token)
    app.router.add_get("/static/review.css", _stylesheet)
    app.router.add_get("/static/inbox.js", _inbox_script)
    app.router.add_get("/login", auth.login_page)
    app.router.add_post("/login", auth.login_submit)
    app.router.add_post("/logout", auth.logout)
    app.router.add_get("/", pages.conversation_list)
    app.router.add_get("/conversation", pages.conversation_page)
    app.router.add_post("/conversation/tag", pages.add_tag)
    app.router.add_post("/conversation/note", pages.add_note)
    app.router.add_post("/conversation/intent", pages.mark_intent)
    app.router.add_get("/handoffs", more_pages.handoffs_page)
    app.router.add_post("/handoffs/{handoff_id}/handled", more_pages.handoff_handled)
    app.router.add_get("/report", more_pages.report_page)
    app.router.add_get("/report/{name}.png", more_pages.report_chart)
    app.router.add_get("/corrections.yml", more_pages.corrections_download)
    app.router.add_get("/export.{fmt}", more_pages.export_download)
    inbox_pages.add_routes(app)
    return app


def run(config: ReviewConfig, host: str = "127.0.0.1", port: int = 8090) -> None:
    from arabic_text.pii import install_pii_log_filter

    install_pii_log_filter()
    web.run_app(create_app(config), host=host, port=port)
