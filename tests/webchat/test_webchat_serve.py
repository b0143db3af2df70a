"""The widget's static server: config, vendor files, headers, start-up errors."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from webchat.serve import WebchatConfigError, build_config_js, check_vendor_files, create_app, main, settings_from_env


def fetch(app: web.Application, path: str) -> tuple[int, dict, bytes]:
    async def run() -> tuple[int, dict, bytes]:
        async with TestClient(TestServer(app)) as client:
            response = await client.get(path)
            return response.status, dict(response.headers), await response.read()

    return asyncio.run(run())


def config_of(js: str) -> dict:
    prefix, suffix = "window.WEBCHAT_CONFIG = Object.freeze(", ");\n"
    assert js.startswith(prefix) and js.endswith(suffix)
    return json.loads(js[len(prefix) : -len(suffix)])


@pytest.mark.parametrize(
    "public_url, socket_url, socket_path",
    [
        ("http://127.0.0.1:5005", "http://127.0.0.1:5005", "/socket.io"),
        ("https://chat.example.sa/rasa/", "https://chat.example.sa", "/rasa/socket.io"),
    ],
)
def test_config_js_points_the_widget_at_rasa(public_url, socket_url, socket_path) -> None:
    status, headers, body = fetch(create_app(public_url), "/config.js")

    config = config_of(body.decode())
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert (config["socketUrl"], config["socketPath"]) == (socket_url, socket_path)
    assert config["maxLength"] == 1000 and config["initPayload"] == "/greet"


def test_config_values_cannot_break_out_of_the_script() -> None:
    js = build_config_js("http://127.0.0.1:5005", init_payload="</script><script>alert(1)</script>")

    assert "</script>" not in js
    assert config_of(js)["initPayload"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize("bad_url", ["ftp://example.org", "127.0.0.1:5005", "javascript:alert(1)", ""])
def test_non_http_rasa_url_is_refused_at_start_up(bad_url) -> None:
    with pytest.raises(WebchatConfigError, match="RASA_PUBLIC_URL"):
        create_app(bad_url)


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("/", "text/html"),
        ("/static/widget.js", "text/javascript"),
        ("/static/widget.css", "text/css"),
        ("/vendor/socket.io.min.js", "text/javascript"),
        ("/vendor/noto-sans-arabic/400.css", "text/css"),
        ("/vendor/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2", "font/woff2"),
    ],
)
def test_page_widget_and_vendor_files_are_served(path, content_type) -> None:
    status, headers, body = fetch(create_app(), path)

    assert status == 200 and body
    assert headers["Content-Type"].startswith(content_type)


@pytest.mark.parametrize(
    "path",
    [
        "/vendor/noto-sans-arabic/package.json",
        "/vendor/noto-sans-arabic/files/..%2F..%2Fsocket.io-client%2Fpackage.json",
        "/static/..%2F..%2Fwebchat%2Fserve.py",
        "/static/missing.js",
        "/node_modules/socket.io-client/package.json",
    ],
)
def test_nothing_else_from_node_modules_or_the_repository_is_served(path) -> None:
    status, _, _ = fetch(create_app(), path)

    assert status == 404


def test_pages_carry_a_content_security_policy_allowing_only_rasa_sockets() -> None:
    _, headers, _ = fetch(create_app("http://127.0.0.1:5005"), "/")

    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert "connect-src 'self' http://127.0.0.1:5005 ws://127.0.0.1:5005" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_missing_npm_packages_are_reported_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(WebchatConfigError, match="npm ci"):
        check_vendor_files(tmp_path)


@pytest.mark.parametrize("port", ["0", "70000", "http", "-1"])
def test_bad_port_is_refused(port) -> None:
    with pytest.raises(WebchatConfigError, match="WEBCHAT_PORT"):
        settings_from_env({"WEBCHAT_PORT": port})


def test_main_exits_with_a_message_instead_of_a_traceback(capsys) -> None:
    assert main({"RASA_PUBLIC_URL": "not a url"}) == 2
    assert "RASA_PUBLIC_URL" in capsys.readouterr().err


def test_defaults_match_the_run_command() -> None:
    settings = settings_from_env({})

    assert settings == {
        "host": "127.0.0.1",
        "port": 8080,
        "digits": "arab",
        "rasa_public_url": "http://127.0.0.1:5005",
        "init_payload": "/greet",
    }


@pytest.mark.parametrize("value, expected", [("latn", "latn"), ("ARAB", "arab"), ("", "arab")])
def test_digit_style_comes_from_display_digits(value, expected) -> None:
    assert settings_from_env({"DISPLAY_DIGITS": value})["digits"] == expected


def test_unknown_digit_style_is_refused_with_the_allowed_values() -> None:
    with pytest.raises(WebchatConfigError, match="arab"):
        settings_from_env({"DISPLAY_DIGITS": "roman"})
