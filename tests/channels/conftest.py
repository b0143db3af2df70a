"""Fixtures for the WhatsApp channel tests: a fake Graph API and channel settings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from channels.whatsapp_config import WhatsAppSettings
from tests.fakes.fake_graph_api import FakeGraphApi
from tests.fakes.whatsapp_identities import ACCESS_TOKEN, APP_SECRET, PHONE_NUMBER_ID, SENDER_KEY, VERIFY_TOKEN


@pytest.fixture(scope="session")
def graph() -> Iterator[FakeGraphApi]:
    with FakeGraphApi(access_token=ACCESS_TOKEN, phone_number_id=PHONE_NUMBER_ID) as fake:
        yield fake


@pytest.fixture
def fake_graph(graph: FakeGraphApi) -> Iterator[FakeGraphApi]:
    """The shared fake server, emptied for each test."""
    graph.reset()
    yield graph
    graph.reset()


@pytest.fixture
def settings(fake_graph: FakeGraphApi, tmp_path: Path) -> WhatsAppSettings:
    return WhatsAppSettings(
        verify_token=VERIFY_TOKEN,
        app_secret=APP_SECRET,
        access_token=ACCESS_TOKEN,
        phone_number_id=PHONE_NUMBER_ID,
        graph_base_url=fake_graph.base_url,
        sender_key=SENDER_KEY,
        dedup_db_path=str(tmp_path / "dedup.db"),
        send_attempts=3,
        retry_base_delay=0.01,
        request_timeout=5.0,
    )


@pytest.fixture
def unconfigured_settings(settings: WhatsAppSettings) -> WhatsAppSettings:
    return replace(settings, app_secret="", sender_key="")
