"""Settings of the WhatsApp Cloud API channel, from credentials.yml with env fallbacks.

Rasa substitutes ${VAR} in credentials.yml, but an unset or empty variable leaves an
empty value; we then look at the environment ourselves so that one set of
environment variables configures the channel however Rasa was started.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arabic_text.pseudonyms import KEY_ENV

DEFAULT_GRAPH_BASE_URL = "https://graph.facebook.com/v19.0"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEDUP_DB = REPO_ROOT / "var" / "whatsapp_dedup.db"

# credentials.yml key -> environment variable used when the key is empty.
_ENV_FALLBACKS = {
    "verify_token": "WHATSAPP_VERIFY_TOKEN",
    "app_secret": "WHATSAPP_APP_SECRET",
    "access_token": "WHATSAPP_ACCESS_TOKEN",
    "phone_number_id": "WHATSAPP_PHONE_NUMBER_ID",
    "graph_base_url": "WHATSAPP_GRAPH_BASE_URL",
}


def _clean(value: Any) -> str:
    """Credentials may hold None, numbers (a phone number id parsed as int) or padding."""
    if value is None:
        return ""
    text = str(value).strip()
    # An unexpanded "${VAR}" means Rasa did not substitute it; treat it as missing.
    return "" if text.startswith("${") else text


@dataclass(frozen=True)
class WhatsAppSettings:
    verify_token: str
    app_secret: str
    access_token: str
    phone_number_id: str
    graph_base_url: str = DEFAULT_GRAPH_BASE_URL
    sender_key: str = ""
    dedup_db_path: str = str(DEFAULT_DEDUP_DB)
    send_attempts: int = 3
    retry_base_delay: float = 0.5
    request_timeout: float = 10.0

    def missing(self) -> list[str]:
        """Names of the settings without which the channel must not process messages."""
        required = {
            "verify_token": self.verify_token,
            "app_secret": self.app_secret,
            "access_token": self.access_token,
            "phone_number_id": self.phone_number_id,
            "NATIONAL_ID_HMAC_KEY": self.sender_key,
        }
        return [name for name, value in required.items() if not value]


def _resolve_dedup_path(raw: str) -> str:
    if not raw:
        return str(DEFAULT_DEDUP_DB)
    path = Path(raw)
    # Relative paths are relative to the repository root, not to wherever Rasa runs.
    return str(path if path.is_absolute() else REPO_ROOT / path)


def settings_from(credentials: Mapping[str, Any] | None, environ: Mapping[str, str] | None = None) -> WhatsAppSettings:
    """Build settings from a credentials.yml section, falling back to the environment."""
    env = os.environ if environ is None else environ
    creds = dict(credentials or {})
    values = {key: _clean(creds.get(key)) or _clean(env.get(env_name)) for key, env_name in _ENV_FALLBACKS.items()}
    # The one pseudonym key (arabic_text.pseudonyms): a phone number gets the same
    # conversation id here as in the status store.
    sender_key = _clean(env.get(KEY_ENV))
    return WhatsAppSettings(
        verify_token=values["verify_token"],
        app_secret=values["app_secret"],
        access_token=values["access_token"],
        phone_number_id=values["phone_number_id"],
        graph_base_url=(values["graph_base_url"] or DEFAULT_GRAPH_BASE_URL).rstrip("/"),
        sender_key=sender_key,
        dedup_db_path=_resolve_dedup_path(_clean(creds.get("dedup_db")) or _clean(env.get("WHATSAPP_DEDUP_DB"))),
        send_attempts=int(creds.get("send_attempts") or 3),
        retry_base_delay=float(creds.get("retry_base_delay") if creds.get("retry_base_delay") is not None else 0.5),
        request_timeout=float(creds.get("request_timeout") or 10.0),
    )
