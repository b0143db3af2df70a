"""The one home of the runtime settings' defaults (ports, URLs, databases, channels).

endpoints.yml and credentials.yml read these variables, and Rasa refuses to start
when a referenced variable is unset, so each one gets a default here. Python callers
(runner.stack, the tests' stacks) use `runtime_environment`; shell scripts
(scripts/common.sh, deploy/scale_services.sh) take the same values from
``python -m runner.shell_env``, which prints ``export NAME=value`` lines for
the variables the environment does not set yet. A value already in the environment
always wins; derived values (the action server's URL from its port) follow it.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from pathlib import Path

from channels.whatsapp_config import DEFAULT_GRAPH_BASE_URL

ROOT = Path(__file__).resolve().parent.parent

DEFAULT_RASA_PORT = 5005
DEFAULT_ACTION_PORT = 5055
DEFAULT_WEBCHAT_PORT = 8080
# Empty WhatsApp secrets keep that channel closed (it answers 403/503) until configured.
WHATSAPP_SECRETS = ("WHATSAPP_VERIFY_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID")


def runtime_environment(environ: Mapping[str, str], root: Path = ROOT) -> dict[str, str]:
    """The runtime variables: those of `environ` where set (non-empty), else the defaults.

    Returns only the settings named here (not the whole environment), as strings.
    """

    def given(name: str) -> str | None:
        value = environ.get(name)
        return value if value else None

    rasa_port = given("RASA_PORT") or str(DEFAULT_RASA_PORT)
    action_port = given("ACTION_PORT") or str(DEFAULT_ACTION_PORT)
    settings = {
        "RASA_PORT": rasa_port,
        "ACTION_PORT": action_port,
        "WEBCHAT_PORT": given("WEBCHAT_PORT") or str(DEFAULT_WEBCHAT_PORT),
        "ACTION_ENDPOINT_URL": given("ACTION_ENDPOINT_URL") or f"http://127.0.0.1:{action_port}/webhook",
        "RASA_PUBLIC_URL": given("RASA_PUBLIC_URL") or f"http://127.0.0.1:{rasa_port}",
        "TRACKER_DB_URL": given("TRACKER_DB_URL") or f"sqlite:///{root}/var/tracker.db",
        "STATUS_DB_URL": given("STATUS_DB_URL") or f"sqlite:///{root}/var/status.db",
        "WHATSAPP_GRAPH_BASE_URL": given("WHATSAPP_GRAPH_BASE_URL") or DEFAULT_GRAPH_BASE_URL,
    }
    settings.update({name: environ.get(name, "") for name in WHATSAPP_SECRETS})
    return settings


def shell_exports(environ: Mapping[str, str], root: Path = ROOT) -> str:
    """``export NAME=value`` lines (shell-quoted) for every runtime setting."""
    return "".join(
        f"export {name}={shlex.quote(value)}\n" for name, value in runtime_environment(environ, root).items()
    )
