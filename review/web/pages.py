"""Conversation list, transcript view, and the staff actions on a conversation."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from review import annotations as notes_db
from review import outcomes as oc
from review.intents import known_intents
from review.listing import (
    DEFAULT_LOW_CONFIDENCE,
    PAGE_SIZE,
    ConversationFilter,
    count_conversations,
    find_conversations,
    refresh,
    summarize,
)
from review.listing import conversation_page as page_of
from review.queries import load_conversation
from review.status_link import status_facts
from review.texts import PAGE_MESSAGES, PAGE_TITLES
from review.web.auth import see_other
from review.web.keys import CONFIG, REVIEW_ENGINE, TRACKER_ENGINE
from review.web.render import render_page


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _below(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        return DEFAULT_LOW_CONFIDENCE
    return value if 0.0 <= value <= 1.0 else DEFAULT_LOW_CONFIDENCE


def filter_from_query(query: Any) -> ConversationFilter:
    """Filters from the list page's GET parameters; bad values are ignored, not fatal."""
    outcome = query.get("outcome", "")
    channel = query.get("channel", "")
    return ConversationFilter(
        since=_day(query.get("since", "")),
        until=_day(query.get("until", "")),
        channel=channel if channel in (*oc.CHANNELS, "unknown") else None,
        outcome=outcome if outcome in (*oc.OUTCOMES, "none") else None,
        had_fallback=query.get("fallback") == "1",
        low_confidence=query.get("low") == "1",
        below=_below(query.get("below", "")),
        search=query.get("q", "").strip()[:200],
        tag=query.get("tag", "").strip()[:64],
    )


async def run_blocking(func, *args):
    """Database reads and drawing happen off the event loop."""
    return await asyncio.get_running_loop().run_in_executor(None, func, *args)


async def find_for_request(request: web.Request):
    """Every conversation matching the request's filters (report and exports), oldest first."""
    chosen = filter_from_query(request.query)
    summaries = await run_blocking(
        find_conversations,
        request.app[TRACKER_ENGINE],
        chosen,
        request.app[CONFIG].status_db_url,
        request.app[REVIEW_ENGINE],
    )
    return chosen, summaries


def _page_number(text: str) -> int:
    try:
        return max(int(text), 1)
    except ValueError:
        return 1


def _list_page(tracker, review, status_url, chosen: ConversationFilter, page: int):
    """Index what is new, then read one page of summaries and the total (one worker thread)."""
    refresh(tracker, review, status_url)
    total = count_conversations(review, chosen)
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    page = min(page, pages)
    rows = page_of(review, chosen, page, PAGE_SIZE)
    return rows, total, page, pages, notes_db.tags_for(review, [r.sender_id for r in rows])


async def conversation_list(request: web.Request) -> web.Response:
    chosen = filter_from_query(request.query)
    rows, total, page, pages, tags = await run_blocking(
        _list_page,
        request.app[TRACKER_ENGINE],
        request.app[REVIEW_ENGINE],
        request.app[CONFIG].status_db_url,
        chosen,
        _page_number(request.query.get("page", "1")),
    )
    filters = {k: v for k, v in request.query.items() if k != "page"}
    return render_page(
        request,
        "list.html",
        title=PAGE_TITLES["conversations"],
        filter=chosen,
        query=dict(request.query),
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        tags=tags,
        channels=oc.CHANNELS,
        outcome_names=(*oc.OUTCOMES, "none"),
        export_query=urlencode(filters),
        page_query=lambda n: urlencode({**filters, "page": n}),
    )


def _conversation_id(request: web.Request, form: dict[str, Any] | None = None) -> str:
    value = (form or request.query).get("id", "")
    if not value:
        raise web.HTTPBadRequest(text=PAGE_MESSAGES["conversation_id_required"])
    return str(value)


async def conversation_page(request: web.Request) -> web.Response:
    conversation_id = _conversation_id(request)
    conversation = await run_blocking(load_conversation, request.app[TRACKER_ENGINE], conversation_id)
    if conversation is None:
        return render_page(
            request,
            "message.html",
            status=404,
            title=PAGE_TITLES["conversation_not_found"],
            message=PAGE_MESSAGES["conversation_not_found"],
        )
    facts = (await run_blocking(status_facts, [conversation_id], request.app[CONFIG].status_db_url)).get(
        conversation_id
    )
    engine = request.app[REVIEW_ENGINE]
    marked = {c.event_id: c.intent for c in notes_db.corrections(engine, conversation_id)}
    return render_page(
        request,
        "conversation.html",
        title=PAGE_TITLES["transcript"],
        summary=summarize(conversation, facts),
        turns=oc.turns(conversation),
        conversation_id=conversation_id,
        tags=notes_db.tags_for(engine, [conversation_id]).get(conversation_id, []),
        notes=notes_db.notes_for(engine, conversation_id),
        marked=marked,
        intents=known_intents(),
        error=request.query.get("error"),
    )


def _back(conversation_id: str, error: str = "") -> web.Response:
    query = {"id": conversation_id, **({"error": error} if error else {})}
    return see_other("/conversation?" + urlencode(query))


async def add_tag(request: web.Request) -> web.Response:
    form = await request.post()
    conversation_id = _conversation_id(request, form)
    try:
        notes_db.add_tag(
            request.app[REVIEW_ENGINE], conversation_id, str(form.get("tag", "")), request["session"].staff.username
        )
    except notes_db.AnnotationError as error:
        return _back(conversation_id, str(error))
    return _back(conversation_id)


async def add_note(request: web.Request) -> web.Response:
    form = await request.post()
    conversation_id = _conversation_id(request, form)
    try:
        notes_db.add_note(
            request.app[REVIEW_ENGINE], conversation_id, str(form.get("note", "")), request["session"].staff.username
        )
    except notes_db.AnnotationError as error:
        return _back(conversation_id, str(error))
    return _back(conversation_id)


async def mark_intent(request: web.Request) -> web.Response:
    """The text comes from the stored message, never from the form, so staff cannot invent examples."""
    form = await request.post()
    conversation_id = _conversation_id(request, form)
    conversation = await run_blocking(load_conversation, request.app[TRACKER_ENGINE], conversation_id)
    try:
        event_id = int(str(form.get("event_id", "")))
    except ValueError as err:
        raise web.HTTPBadRequest(text=PAGE_MESSAGES["bad_message_id"]) from err
    turn = next((t for t in oc.user_turns(conversation) if t.row_id == event_id), None) if conversation else None
    if turn is None:
        raise web.HTTPNotFound(text=PAGE_MESSAGES["message_not_found"])
    try:
        notes_db.mark_intent(
            request.app[REVIEW_ENGINE],
            conversation_id,
            event_id,
            turn.text,
            str(form.get("intent", "")),
            request["session"].staff.username,
        )
    except notes_db.AnnotationError as error:
        return _back(conversation_id, str(error))
    return _back(conversation_id)
