"""Typed keys for what the web application shares between handlers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web
from sqlalchemy.engine import Engine

from review.web.ratelimit import ActionLimiter, FailureLimiter

CONFIG: web.AppKey[Any] = web.AppKey("config", object)  # review.web.app.ReviewConfig
CLOCK: web.AppKey[Callable[[], float]] = web.AppKey("clock", object)
REVIEW_ENGINE: web.AppKey[Engine] = web.AppKey("review_engine", Engine)
TRACKER_ENGINE: web.AppKey[Engine] = web.AppKey("tracker_engine", Engine)
LIMITER: web.AppKey[FailureLimiter] = web.AppKey("limiter", FailureLimiter)
ACTION_LIMITER: web.AppKey[ActionLimiter] = web.AppKey("action_limiter", ActionLimiter)
RASA: web.AppKey[Any] = web.AppKey("rasa", object)  # review.rasa_api.RasaApi
