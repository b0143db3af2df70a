"""The scaled stack's nginx (deploy/nginx.conf.template) publishes only the web widget's
socket.io and the WhatsApp webhook. The REST channel, where the caller picks the sender
id, and the HTTP API are refused from outside and answered only on the loopback server.

A real nginx (Debian's, installed by scripts/setup.sh --test) is rendered from the
template on free ports in front of the real Rasa server of the end-to-end stack.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

import httpx
import pytest

from deploy.render_template import render
from runner.stack import free_port

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


class Proxy(NamedTuple):
    public: str
    internal: str


@pytest.fixture(scope="module")
def proxy(rasa_stack, tmp_path_factory) -> Iterator[Proxy]:
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: run scripts/setup.sh --test")
    prefix = tmp_path_factory.mktemp("nginx")
    (prefix / "logs").mkdir()
    (prefix / "tmp").mkdir()
    public_port, internal_port, actions_port = free_port(), free_port(), free_port()
    rasa = urlparse(rasa_stack.rasa_url).netloc
    actions = urlparse(rasa_stack.action_url).netloc
    config = render(
        (ROOT / "deploy" / "nginx.conf.template").read_text(encoding="utf-8"),
        {
            "USER_DIRECTIVE": "",
            "PREFIX": str(prefix),
            "LISTEN_HOST": "127.0.0.1",
            "RASA_PROXY_PORT": str(public_port),
            "RASA_INTERNAL_PORT": str(internal_port),
            "ACTIONS_PROXY_PORT": str(actions_port),
            "RASA_SERVERS": f"        server {rasa};",
            "RASA_SERVERS_PLAIN": f"        server {rasa};",
            "ACTION_SERVERS": f"        server {actions};",
        },
    )
    (prefix / "nginx.conf").write_text(config, encoding="utf-8")
    args = [NGINX, "-p", str(prefix), "-e", str(prefix / "logs" / "error.log"), "-c", str(prefix / "nginx.conf")]
    subprocess.run([*args, "-t", "-q"], check=True)
    subprocess.run(args, check=True)
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{internal_port}/", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        yield Proxy(f"http://127.0.0.1:{public_port}", f"http://127.0.0.1:{internal_port}")
    finally:
        subprocess.run([*args, "-s", "quit"], check=False)


REFUSED_PATHS = [
    "/webhooks/rest/webhook",
    "/webhooks/rest/webhook/",
    "//webhooks/rest/webhook",
    "/webhooks/rest/webhook?stream=true",
    "/webhooks/whatsapp/../rest/webhook",
    "/socket.io/../webhooks/rest/webhook",
    "/socket.io/%2e%2e/webhooks/rest/webhook",
    "/webhooks/whatsapp/webhook/../../rest/webhook",
    "/WEBHOOKS/REST/WEBHOOK",
    "/model/parse",
    "/webhooks/whatsapp/webhookx",
]


@pytest.mark.parametrize("path", REFUSED_PATHS)
def test_rest_channel_and_api_are_refused_from_outside(proxy, rasa_stack, path) -> None:
    sender = f"outside-{abs(hash(path))}"
    response = httpx.post(
        proxy.public + path,
        json={"sender": sender, "message": "ابي اعرف حالة طلبي", "text": "x"},
        params={"token": rasa_stack.token},
        timeout=30,
    )
    assert response.status_code == 403, (path, response.status_code, response.text[:200])
    events = rasa_stack.tracker(sender).get("events") or []
    assert not [e for e in events if e.get("event") == "user"], f"{path} reached Rasa"


@pytest.mark.parametrize("path", ["/conversations/someone/tracker", "/status", "/version"])
def test_http_api_reads_are_refused_from_outside(proxy, rasa_stack, path) -> None:
    response = httpx.get(proxy.public + path, params={"token": rasa_stack.token}, timeout=30)
    assert response.status_code == 403


def test_socketio_handshake_passes_the_public_server(proxy) -> None:
    response = httpx.get(f"{proxy.public}/socket.io/", params={"EIO": "4", "transport": "polling"}, timeout=30)
    assert response.status_code == 200
    assert '"sid"' in response.text


def test_whatsapp_webhook_passes_the_public_server_and_checks_its_signature(proxy, rasa_stack) -> None:
    verify = httpx.get(
        f"{proxy.public}/webhooks/whatsapp/webhook",
        timeout=30,
        params={
            "hub.mode": "subscribe",
            "hub.verify_token": rasa_stack.env["WHATSAPP_VERIFY_TOKEN"],
            "hub.challenge": "4711",
        },
    )
    assert (verify.status_code, verify.text) == (200, "4711")
    unsigned = httpx.post(
        f"{proxy.public}/webhooks/whatsapp/webhook", json={"object": "whatsapp_business_account"}, timeout=30
    )
    assert unsigned.status_code in (401, 403)


def test_rest_channel_answers_on_the_loopback_server(proxy) -> None:
    response = httpx.post(
        f"{proxy.internal}/webhooks/rest/webhook",
        json={"sender": "staff-on-this-host", "message": "السلام عليكم"},
        timeout=60,
    )
    assert response.status_code == 200
    assert response.json(), "no reply through the loopback server"
