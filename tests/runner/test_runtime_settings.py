"""runner.settings: the one home of the runtime defaults, for Python and for the shell."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from runner.settings import WHATSAPP_SECRETS, runtime_environment
from runner.stack import StackConfig

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_when_nothing_is_set():
    settings = runtime_environment({}, root=Path("/srv/app"))
    assert settings["RASA_PORT"] == "5005" and settings["ACTION_PORT"] == "5055" and settings["WEBCHAT_PORT"] == "8080"
    assert settings["ACTION_ENDPOINT_URL"] == "http://127.0.0.1:5055/webhook"
    assert settings["TRACKER_DB_URL"] == "sqlite:////srv/app/var/tracker.db"
    assert settings["WHATSAPP_GRAPH_BASE_URL"].startswith("https://graph.facebook.com/")
    assert all(settings[name] == "" for name in WHATSAPP_SECRETS)


def test_the_environment_wins_and_derived_urls_follow_it():
    settings = runtime_environment({"ACTION_PORT": "6055", "RASA_PORT": "6005", "STATUS_DB_URL": "postgresql://x/y"})
    assert settings["ACTION_ENDPOINT_URL"] == "http://127.0.0.1:6055/webhook"
    assert settings["RASA_PUBLIC_URL"] == "http://127.0.0.1:6005"
    assert settings["STATUS_DB_URL"] == "postgresql://x/y"
    # An explicit URL is not rebuilt from the port.
    explicit = runtime_environment({"ACTION_PORT": "6055", "ACTION_ENDPOINT_URL": "http://actions:5055/webhook"})
    assert explicit["ACTION_ENDPOINT_URL"] == "http://actions:5055/webhook"


def test_the_shell_gets_the_same_values():
    env = {k: v for k, v in os.environ.items() if k not in ("ACTION_PORT", "ACTION_ENDPOINT_URL")}
    env.update({"ACTION_PORT": "6123", "WHATSAPP_APP_SECRET": "it's $ecret", "PYTHONPATH": str(ROOT)})
    script = (
        f'eval "$({sys.executable} -m runner.shell_env)"; printf "%s|%s" "$ACTION_ENDPOINT_URL" "$WHATSAPP_APP_SECRET"'
    )
    out = subprocess.run(["bash", "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out == "http://127.0.0.1:6123/webhook|it's $ecret"


def test_make_run_takes_its_ports_from_the_environment():
    config = StackConfig.from_environment({"RASA_PORT": "6005", "WEBCHAT_PORT": "9090"})
    assert (config.rasa_port, config.action_port, config.webchat_port) == (6005, 5055, 9090)
