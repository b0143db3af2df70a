"""Rendering a page with what every template needs (staff name, CSRF token)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from review.templating import render
from review.web import csrf
from review.web.keys import CONFIG


def render_page(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    session = request.get("session")
    html = render(
        template,
        staff=session.staff.username if session else None,
        csrf_token=csrf.token_for_form(request),
        **context,
    )
    response = web.Response(text=html, status=status, content_type="text/html", charset="utf-8")
    # Set here too: error pages returned early must still hand out the sign-in form's token.
    csrf.set_pre_session_cookie(request, response, request.app[CONFIG].secure_cookies)
    return response
