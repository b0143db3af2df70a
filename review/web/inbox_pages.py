"""The live inbox pages: the queue, one conversation, and the staff actions on it.

Every POST here passes the session middleware's CSRF check and the per-staff action
limit (`limited`); roles are checked against review.inbox. The bot is paused and
resumed only through Rasa's HTTP API (review.rasa_api); the status store records who
holds what (status_store.handoff_desk). When Rasa cannot be reached the store is left
as it was, so the page never claims a state the bot is not in.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from review import inbox
from review.accounts import staff_names
from review.rasa_api import RasaApiError
from review.status_link import status_engine
from review.texts import APPLICANT_NOTICES, MAX_REPLY_CHARS, PAGE_MESSAGES, PAGE_TITLES
from review.texts import INBOX_ERRORS as ERRORS
from review.texts import INBOX_NOTICES as NOTICES
from review.web.auth import see_other
from review.web.keys import ACTION_LIMITER, CLOCK, CONFIG, RASA, REVIEW_ENGINE, TRACKER_ENGINE
from review.web.pages import run_blocking
from review.web.render import render_page
from status_store.errors import HandoffNotFound, StatusStoreError
from status_store.handoff_desk import (
    HandoffConflict,
    finish_handoff,
    open_handoffs,
    reassign_handoff,
    release_handoff,
    take_handoff,
)
from status_store.handoffs import Handoff, get_handoff
from status_store.staff_hours import staff_hours

# Rows shown (oldest first): past this, reading each one's last message would slow the refresh.
QUEUE_ROWS = 100


def _now(request: web.Request) -> datetime:
    return datetime.fromtimestamp(request.app[CLOCK](), tz=timezone.utc)


def _engine(request: web.Request):
    engine = status_engine(request.app[CONFIG].status_db_url)
    if engine is None:
        raise web.HTTPServiceUnavailable(text=PAGE_MESSAGES["status_db_unavailable"])
    return engine


def _staff(request: web.Request):
    return request["session"].staff


def _forbidden(request: web.Request) -> web.Response:
    return render_page(
        request,
        "message.html",
        status=403,
        title=PAGE_TITLES["forbidden"],
        message=PAGE_MESSAGES["not_your_conversation"],
    )


def limited(handler: Callable[[web.Request], Awaitable[web.StreamResponse]]):
    """The per-staff limit on inbox actions, checked before the handler runs."""

    @functools.wraps(handler)
    async def wrapped(request: web.Request) -> web.StreamResponse:
        allowed = await run_blocking(request.app[ACTION_LIMITER].allow, f"staff:{_staff(request).id}")
        if not allowed:
            return render_page(
                request,
                "message.html",
                status=429,
                title=PAGE_TITLES["too_many_requests"],
                message=PAGE_MESSAGES["too_many_requests"],
            )
        return await handler(request)

    return wrapped


async def _handoff(request: web.Request) -> Handoff:
    try:
        handoff_id = int(request.match_info["handoff_id"])
    except ValueError:
        raise web.HTTPBadRequest(text=PAGE_MESSAGES["bad_handoff_id"]) from None
    try:
        return await run_blocking(functools.partial(get_handoff, handoff_id, engine=_engine(request)))
    except HandoffNotFound:
        raise web.HTTPNotFound(text=PAGE_MESSAGES["handoff_not_found"]) from None


def _back(handoff_id: int, **outcome: str) -> web.Response:
    query = urlencode({k: v for k, v in outcome.items() if v})
    return see_other(f"/inbox/{handoff_id}" + (f"?{query}" if query else ""))


async def _queue_context(request: web.Request) -> dict[str, Any]:
    staff = _staff(request)
    handoffs = await run_blocking(functools.partial(open_handoffs, engine=_engine(request)))
    shown = inbox.visible(staff, handoffs)
    # The staff member's own conversations first, then the queue oldest first.
    shown.sort(key=lambda h: h.assigned_to != staff.username)
    rows = await run_blocking(inbox.queue_rows, request.app[TRACKER_ENGINE], shown[:QUEUE_ROWS], _now(request))
    return {"rows": rows, "supervisor": staff.is_supervisor, "hidden": max(len(shown) - QUEUE_ROWS, 0)}


async def inbox_page(request: web.Request) -> web.Response:
    context = await _queue_context(request)
    hours = staff_hours()
    return render_page(
        request,
        "inbox.html",
        title=PAGE_TITLES["inbox"],
        error=None,
        staff_on_duty=hours.is_open(_now(request)),
        hours_text=hours.text,
        **context,
    )


async def inbox_queue(request: web.Request) -> web.Response:
    """The queue's rows alone, for the page's live refresh."""
    return render_page(request, "inbox_rows.html", **(await _queue_context(request)))


async def inbox_conversation(request: web.Request) -> web.Response:
    handoff = await _handoff(request)
    staff = _staff(request)
    if not inbox.can_view(staff, handoff):
        return _forbidden(request)
    view = await run_blocking(
        inbox.conversation_view, request.app[TRACKER_ENGINE], handoff.conversation_id, 0, handoff.created_at
    )
    names = await run_blocking(staff_names, request.app[REVIEW_ENGINE]) if staff.is_supervisor else []
    can_act = inbox.can_act(staff, handoff)
    return render_page(
        request,
        "inbox_conversation.html",
        title=PAGE_TITLES["handoff"].format(id=handoff.id),
        h=handoff,
        view=view,
        messages=view.messages,
        topics=inbox.topics_of(handoff),
        paused=inbox.bot_is_paused(handoff),
        can_act=can_act,
        can_close=inbox.can_close(staff, handoff),
        supervisor=staff.is_supervisor,
        can_reply=can_act and handoff.state == "taken" and inbox.can_reply_on(handoff),
        pushable=inbox.can_reply_on(handoff),
        staff_names=names,
        max_reply=MAX_REPLY_CHARS,
        error=ERRORS.get(request.query.get("error", "")),
        notice=NOTICES.get(request.query.get("notice", "")),
    )


async def inbox_messages(request: web.Request) -> web.Response:
    """New messages after `after` (an event row id) as HTML, with the request's state."""
    handoff = await _handoff(request)
    if not inbox.can_view(_staff(request), handoff):
        raise web.HTTPForbidden(text=PAGE_MESSAGES["forbidden"])
    try:
        after = max(int(request.query.get("after", "0")), 0)
    except ValueError:
        after = 0
    view = await run_blocking(inbox.conversation_view, request.app[TRACKER_ENGINE], handoff.conversation_id, after)
    html = render_page(request, "inbox_messages.html", messages=view.messages).text if view.messages else ""
    return web.json_response(
        {
            "html": html,
            "last_id": max(view.last_id, after),
            "state": handoff.state,
            "assigned_to": handoff.assigned_to or "",
        }
    )


async def _pause_for(request: web.Request, handoff: Handoff, staff_name: str) -> str:
    """Pause the bot and tell the applicant; "" when done, else an ERRORS code. Raises RasaApiError
    only when the bot could not be paused at all."""
    rasa = request.app[RASA]
    if not inbox.can_reply_on(handoff):
        await rasa.pause(handoff.conversation_id)
        return ""
    try:
        await rasa.pause(handoff.conversation_id, APPLICANT_NOTICES["taken"], staff_name)
        return ""
    except RasaApiError:
        await rasa.pause(handoff.conversation_id)  # at least the bot stops talking over the staff member
        return "notice"


@limited
async def take(request: web.Request) -> web.Response:
    handoff = await _handoff(request)
    name = _staff(request).username
    engine = _engine(request)
    try:
        taken = await run_blocking(functools.partial(take_handoff, handoff.id, name, now=_now(request), engine=engine))
    except HandoffConflict:
        return _back(handoff.id, error="conflict")
    try:
        problem = await _pause_for(request, taken, name)
    except RasaApiError:
        await run_blocking(functools.partial(release_handoff, handoff.id, name, engine=engine))
        return _back(handoff.id, error="rasa")
    return _back(handoff.id, notice="taken", error=problem)


@limited
async def reply(request: web.Request) -> web.Response:
    form = await request.post()
    handoff = await _handoff(request)
    staff = _staff(request)
    if not inbox.can_view(staff, handoff) or (handoff.state == "taken" and not inbox.can_act(staff, handoff)):
        return _forbidden(request)
    text = str(form.get("text", "")).strip()
    error = ""
    if handoff.state != "taken":
        error = "take_first" if handoff.state == "waiting" else "conflict"
    elif not inbox.can_reply_on(handoff):
        error = "channel"
    elif not text:
        error = "empty"
    elif len(text) > MAX_REPLY_CHARS:
        error = "too_long"
    if error:
        return _back(handoff.id, error=error)
    try:
        await request.app[RASA].say(handoff.conversation_id, text, staff.username)
    except RasaApiError:
        return _back(handoff.id, error="not_delivered")
    return _back(handoff.id, notice="sent")


async def end_request(request: web.Request, handoff: Handoff, outcome: str) -> str:
    """Resume the bot when it is paused for this request (telling the applicant), then record
    the outcome. Returns "" or an ERRORS code; the store changes only if Rasa did."""
    staff = _staff(request)
    allowed = inbox.can_act(staff, handoff) if outcome == "returned" else inbox.can_close(staff, handoff)
    if not allowed:
        raise web.HTTPForbidden(text=PAGE_MESSAGES["forbidden"])
    if inbox.bot_is_paused(handoff):
        rasa = request.app[RASA]
        notice = APPLICANT_NOTICES[outcome] if inbox.can_reply_on(handoff) else None
        try:
            await rasa.resume(handoff.conversation_id, notice, staff.username)
        except RasaApiError:
            if notice is None:
                return "rasa"
            try:
                await rasa.resume(handoff.conversation_id)
            except RasaApiError:
                return "rasa"
    try:
        await run_blocking(
            functools.partial(
                finish_handoff, handoff.id, staff.username, outcome, now=_now(request), engine=_engine(request)
            )
        )
    except StatusStoreError:
        return "rasa"
    return ""


async def _end(request: web.Request, outcome: str) -> web.Response:
    handoff = await _handoff(request)
    try:
        error = await end_request(request, handoff, outcome)
    except web.HTTPForbidden:
        return _forbidden(request)
    if error:
        return _back(handoff.id, error=error)
    return see_other("/inbox")


@limited
async def hand_back(request: web.Request) -> web.Response:
    return await _end(request, "returned")


@limited
async def close(request: web.Request) -> web.Response:
    return await _end(request, "closed")


@limited
async def reassign(request: web.Request) -> web.Response:
    form = await request.post()
    handoff = await _handoff(request)
    staff = _staff(request)
    if not staff.is_supervisor:
        return _forbidden(request)
    target = str(form.get("to", "")).strip().lower()
    if target not in await run_blocking(staff_names, request.app[REVIEW_ENGINE]):
        return _back(handoff.id, error="no_staff")
    engine = _engine(request)
    was_waiting = handoff.state == "waiting"
    try:
        moved = await run_blocking(
            functools.partial(reassign_handoff, handoff.id, target, now=_now(request), engine=engine)
        )
    except HandoffConflict:
        return _back(handoff.id, error="conflict")
    problem = ""
    if was_waiting:
        try:
            problem = await _pause_for(request, moved, target)
        except RasaApiError:
            await run_blocking(functools.partial(release_handoff, handoff.id, target, engine=engine))
            return _back(handoff.id, error="rasa")
    return _back(handoff.id, notice="reassigned", error=problem)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/inbox", inbox_page)
    app.router.add_get("/inbox/queue", inbox_queue)
    app.router.add_get("/inbox/{handoff_id}", inbox_conversation)
    app.router.add_get("/inbox/{handoff_id}/messages", inbox_messages)
    app.router.add_post("/inbox/{handoff_id}/take", take)
    app.router.add_post("/inbox/{handoff_id}/reply", reply)
    app.router.add_post("/inbox/{handoff_id}/handback", hand_back)
    app.router.add_post("/inbox/{handoff_id}/close", close)
    app.router.add_post("/inbox/{handoff_id}/reassign", reassign)
