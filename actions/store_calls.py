"""The one way an action calls a blocking store (status store, review DB).

The action server runs every action on one asyncio event loop (Sanic). The stores
are synchronous SQLAlchemy code, so a slow query called directly would hold up
every conversation on that server, an FAQ answer included. Each store call from an
action goes through `call_store`, which runs it in a worker thread
(`asyncio.to_thread`, Python 3.9+) and awaits the result; the loop keeps serving
other requests meanwhile.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


async def call_store(function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Run ``function(*args, **kwargs)`` off the event loop and return its result.

    Exceptions raised by the function (``status_store.StatusStoreUnavailable`` for an
    outage, say) propagate unchanged to the awaiting action.
    """
    return await asyncio.to_thread(function, *args, **kwargs)
