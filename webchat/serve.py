"""Tiny static server for the Arabic web chat widget.

Serves webchat/static, the two vendor files the page needs from node_modules
(socket.io-client and the Noto Sans Arabic font) and a generated /config.js that
tells the page where Rasa's socket.io channel lives. No bundler and no CDN: the
npm packages are pinned by webchat/package-lock.json and installed by
`npm ci` (scripts/setup.sh).

Run: `python -m webchat.serve` or `python webchat/serve.py`.
Environment: WEBCHAT_PORT (8080), WEBCHAT_HOST (127.0.0.1),
RASA_PUBLIC_URL (http://127.0.0.1:5005), WEBCHAT_INIT_PAYLOAD (/greet),
DISPLAY_DIGITS (arab | latn; arab by default, see arabic_text/display.py for why).
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web

from arabic_text.display import DEFAULT_DIGIT_STYLE, digit_style
from runner.settings import DEFAULT_WEBCHAT_PORT

WEBCHAT_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEBCHAT_DIR / "static"
NODE_MODULES = WEBCHAT_DIR / "node_modules"
SOCKET_IO_JS = NODE_MODULES / "socket.io-client" / "dist" / "socket.io.min.js"
FONT_DIR = NODE_MODULES / "@fontsource" / "noto-sans-arabic"
FONT_CSS_FILES = ("400.css", "700.css")
# Only font binaries of the one family; never arbitrary files from node_modules.
_FONT_FILE = re.compile(r"^noto-sans-arabic-[a-z0-9-]+-(400|700)-normal\.(woff2|woff)$")
_STATIC_FILE = re.compile(r"^[a-z0-9_-]+\.(js|css|svg|png|ico)$")

DEFAULT_RASA_PUBLIC_URL = "http://127.0.0.1:5005"
DEFAULT_PORT = DEFAULT_WEBCHAT_PORT  # runner.settings: the one home of the defaults
NO_CACHE = "no-cache"
# Vendor files change only when package-lock.json changes.
VENDOR_CACHE = "public, max-age=86400"

logger = logging.getLogger("webchat.serve")


class WebchatConfigError(ValueError):
    """A setting the server cannot start with; the message says how to fix it."""


def socket_settings(rasa_public_url: str) -> dict[str, str]:
    """Split Rasa's public URL into the socket.io origin and path.

    socket.io-client reads a URL path as a *namespace*, so a Rasa behind a
    prefix (https://example.org/rasa) must become origin + path "/rasa/socket.io".
    """
    parts = urlsplit(rasa_public_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebchatConfigError(
            f"RASA_PUBLIC_URL must be an http(s) URL such as {DEFAULT_RASA_PUBLIC_URL}, got {rasa_public_url!r}."
        )
    origin = f"{parts.scheme}://{parts.netloc}"
    path = parts.path.rstrip("/") + "/socket.io"
    return {"socketUrl": origin, "socketPath": path}


def build_config_js(rasa_public_url: str, init_payload: str = "/greet", digits: str = DEFAULT_DIGIT_STYLE) -> str:
    """The JavaScript served at /config.js (JSON-encoded, so no value can break out)."""
    config = dict(socket_settings(rasa_public_url))
    config.update(
        {
            "transports": ["websocket"],
            "initPayload": init_payload,
            "typingTimeoutMs": 30000,
            "maxLength": 1000,
            "digits": digits,
        }
    )
    encoded = json.dumps(config, ensure_ascii=True).replace("<", "\\u003c")
    return f"window.WEBCHAT_CONFIG = Object.freeze({encoded});\n"


def content_security_policy(rasa_public_url: str) -> str:
    """Allow scripts, styles and fonts from this server only, and sockets to Rasa only."""
    origin = socket_settings(rasa_public_url)["socketUrl"]
    ws_origin = "ws" + origin[len("http") :]
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "font-src 'self'",
            "img-src 'self' data: https:",
            f"connect-src 'self' {origin} {ws_origin}",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def check_vendor_files(node_modules: Path = NODE_MODULES) -> None:
    """Fail at start-up, not in the browser, when `npm ci` has not been run."""
    needed = [node_modules / "socket.io-client" / "dist" / "socket.io.min.js"]
    needed += [node_modules / "@fontsource" / "noto-sans-arabic" / name for name in FONT_CSS_FILES]
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        raise WebchatConfigError(
            "The widget's npm packages are missing (" + ", ".join(missing) + "). "
            "Run `npm ci` in webchat/ (scripts/setup.sh does it)."
        )


def _file(path: Path, cache: str = NO_CACHE) -> web.FileResponse:
    if not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path, headers={"Cache-Control": cache})


def create_app(
    rasa_public_url: str = DEFAULT_RASA_PUBLIC_URL,
    init_payload: str = "/greet",
    static_dir: Path = STATIC_DIR,
    node_modules: Path = NODE_MODULES,
    digits: str = DEFAULT_DIGIT_STYLE,
) -> web.Application:
    """The aiohttp application; validates settings and vendor files first."""
    config_js = build_config_js(rasa_public_url, init_payload, digits)
    csp = content_security_policy(rasa_public_url)
    check_vendor_files(node_modules)
    font_dir = node_modules / "@fontsource" / "noto-sans-arabic"

    async def index(_: web.Request) -> web.StreamResponse:
        return _file(static_dir / "index.html")

    async def config(_: web.Request) -> web.Response:
        return web.Response(text=config_js, content_type="text/javascript", headers={"Cache-Control": NO_CACHE})

    async def static(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if not _STATIC_FILE.match(name):
            raise web.HTTPNotFound()
        return _file(static_dir / name)

    async def socket_io(_: web.Request) -> web.StreamResponse:
        return _file(node_modules / "socket.io-client" / "dist" / "socket.io.min.js", VENDOR_CACHE)

    async def font_css(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in FONT_CSS_FILES:
            raise web.HTTPNotFound()
        return _file(font_dir / name, VENDOR_CACHE)

    async def font_file(request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if not _FONT_FILE.match(name):
            raise web.HTTPNotFound()
        return _file(font_dir / "files" / name, VENDOR_CACHE)

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def no_favicon(_: web.Request) -> web.Response:
        # Browsers ask for it on every page; an empty answer keeps the console clean.
        return web.Response(status=204)

    @web.middleware
    async def security_headers(request: web.Request, handler):  # type: ignore[no-untyped-def]
        response = await handler(request)
        response.headers["Content-Security-Policy"] = csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    app = web.Application(middlewares=[security_headers])
    app.router.add_get("/", index)
    app.router.add_get("/index.html", index)
    app.router.add_get("/config.js", config)
    app.router.add_get("/healthz", health)
    app.router.add_get("/favicon.ico", no_favicon)
    app.router.add_get("/static/{name}", static)
    app.router.add_get("/vendor/socket.io.min.js", socket_io)
    app.router.add_get("/vendor/noto-sans-arabic/{name}", font_css)
    app.router.add_get("/vendor/noto-sans-arabic/files/{name}", font_file)
    return app


def settings_from_env(env: Mapping[str, str]) -> dict[str, object]:
    """Host, port and Rasa URL from the environment, with the documented defaults."""
    raw_port = env.get("WEBCHAT_PORT", str(DEFAULT_PORT))
    if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
        raise WebchatConfigError(f"WEBCHAT_PORT must be a port number (1-65535), got {raw_port!r}.")
    try:
        digits = digit_style(env)
    except ValueError as error:
        raise WebchatConfigError(str(error)) from error
    return {
        "digits": digits,
        "host": env.get("WEBCHAT_HOST", "127.0.0.1"),
        "port": int(raw_port),
        "rasa_public_url": env.get("RASA_PUBLIC_URL", DEFAULT_RASA_PUBLIC_URL),
        "init_payload": env.get("WEBCHAT_INIT_PAYLOAD", "/greet"),
    }


def main(env: Mapping[str, str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    try:
        settings = settings_from_env(os.environ if env is None else env)
        app = create_app(
            str(settings["rasa_public_url"]), str(settings["init_payload"]), digits=str(settings["digits"])
        )
    except WebchatConfigError as error:
        print(f"webchat: {error}", file=sys.stderr)
        return 2
    logger.info(
        "Web chat on http://%s:%s (Rasa socket at %s)", settings["host"], settings["port"], settings["rasa_public_url"]
    )
    web.run_app(app, host=str(settings["host"]), port=int(settings["port"]), print=None, access_log=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
