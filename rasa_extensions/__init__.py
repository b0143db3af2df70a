"""Custom Rasa components, stores and patches for the assistant (these modules import Rasa).

Kept apart from arabic_text/ and eligibility/, which stay free of Rasa. Importing this
package imports nothing else and changes nothing, so that loading one NLU component
(config.yml) does not pull in the others' dependencies. Every change to Rasa's
behaviour is made by one explicit call at each server's start-up:

    import rasa_extensions
    rasa_extensions.install("rasa")      # the Rasa server: python -m rasa_extensions.run_rasa run ...
    rasa_extensions.install("actions")   # the action server: scripts/action_server.py

`install` is idempotent. It refuses (raises `UncheckedRasaVersion`) when the installed
Rasa is not a version the patches were checked against, and logs one line naming the
patches and the version. The launchers turn the refusal into a clear error and exit
status 2.

Public extension points (named in a YAML file, no patching):

- `masking_tracker_store.MaskingSQLTrackerStore` (endpoints.yml `tracker_store.type`):
  a subclass of Rasa's SQLTrackerStore that masks personal data before writing. It
  overrides the public `retrieve`, `retrieve_full_tracker`, `save`, `keys` and
  `stream_events` only.
- `arabic_normalizer.ArabicNormalizer`, `use_featurizer.UniversalSentenceEncoderFeaturizer`,
  `tfidf_logistic_regression.TfidfLogisticRegressionClassifier` (config.yml pipeline):
  graph components; the classifier subclasses Rasa's LogisticRegressionClassifier. The last
  two are candidates of the NLU comparison (bench/configs/), not in the shipped config.yml.
- channels/ (credentials.yml): input channels, owned by channels/.

Patches (no public extension point exists in Rasa 3.6), checked against Rasa 3.6.21:

- `action_server_guard` (Rasa server) wraps `RemoteAction.run`. Fixes: when the
  action server is down, slow or answers 5xx, Rasa logs the error and the user gets no
  reply at all; with the guard the user gets `utter_temporarily_unavailable` and the
  form keeps its state. Why a patch: Rasa has no hook for action-server errors, and
  `action_endpoint` in endpoints.yml takes a URL, not a class; every custom action
  and every form validation goes through `RemoteAction.run`.
- `action_response_schema` (Rasa server) replaces `RemoteAction._validate_action_result`
  with one compiled jsonschema validator. Fixes: Rasa re-checks the meta-schema and
  builds a validator for every action response (30-60 ms of CPU each, bench/README.md).
  Why a patch: the validation is a private step of `RemoteAction.run`, with no setting.
- `pii_log_filter` (both servers) installs `arabic_text.pii.install_pii_log_filter`, a
  process-wide log-record factory that masks national IDs, phones, IBANs and e-mails
  in every log record. Why process-wide: Rasa, Sanic and rasa_sdk create their loggers
  and handlers themselves, after start-up; Rasa's `--logging-config-file` cannot add a
  record factory, and a filter on today's handlers would miss tomorrow's.

When upgrading Rasa: re-read `RemoteAction.run`, `RemoteAction._validate_action_result`
and `SQLTrackerStore` (rasa/core/actions/action.py, rasa/core/tracker_store.py), run
tests/rasa_extensions/, and add the version to `CHECKED_RASA_VERSIONS`.
"""

from __future__ import annotations

import importlib.metadata
import logging
import sys
import threading

__all__ = [
    "CHECKED_RASA_VERSIONS",
    "UncheckedRasaVersion",
    "check_rasa_version",
    "install",
    "installed_patches",
]

# Every patch below was read against, and tested on, these Rasa releases.
CHECKED_RASA_VERSIONS: tuple[str, ...] = ("3.6.21",)

# server -> the patches it needs, in install order.
_PATCHES: dict[str, tuple[str, ...]] = {
    "rasa": ("pii_log_filter", "action_server_guard", "action_response_schema"),
    "actions": ("pii_log_filter",),
}

logger = logging.getLogger("rasa_extensions")
_lock = threading.Lock()
_installed: dict[str, str] = {}  # server -> Rasa version it was installed on


class UncheckedRasaVersion(RuntimeError):
    """The installed Rasa is not one the patches were checked against."""


def check_rasa_version() -> str:
    """The installed Rasa version; raises `UncheckedRasaVersion` if it was not checked."""
    version = importlib.metadata.version("rasa")
    if version not in CHECKED_RASA_VERSIONS:
        raise UncheckedRasaVersion(
            f"rasa_extensions was checked against Rasa {', '.join(CHECKED_RASA_VERSIONS)}, "
            f"but Rasa {version} is installed. Re-check the patches listed in "
            "rasa_extensions/__init__.py and add the version to CHECKED_RASA_VERSIONS."
        )
    return version


def _install_patch(name: str) -> None:
    if name == "pii_log_filter":
        from arabic_text.pii import install_pii_log_filter

        install_pii_log_filter()
    elif name == "action_server_guard":
        from rasa_extensions import action_server_guard

        action_server_guard.install()
    elif name == "action_response_schema":
        from rasa_extensions import action_response_schema

        action_response_schema.install()
    else:  # pragma: no cover - _PATCHES and this function are edited together
        raise ValueError(f"unknown patch {name!r}")


def _announce(message: str) -> None:
    """Log the start-up line even before the server has configured logging."""
    announcer = logging.getLogger("rasa_extensions.startup")
    if not announcer.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s - %(message)s"))
        announcer.addHandler(handler)
        announcer.setLevel(logging.INFO)
        announcer.propagate = False  # the server's own handlers may come later; one line is enough
    announcer.info(message)


def install(server: str = "rasa") -> list[str]:
    """Install every patch `server` ("rasa" or "actions") needs; return their names.

    Idempotent: a second call (any server) changes nothing and logs nothing. Raises
    `UncheckedRasaVersion` before patching anything when Rasa is not a checked version,
    and `ValueError` for an unknown server name.
    """
    if server not in _PATCHES:
        raise ValueError(f"server must be one of {sorted(_PATCHES)}, not {server!r}")
    version = check_rasa_version()
    names = list(_PATCHES[server])
    with _lock:
        if server in _installed:
            return names
        for name in names:
            _install_patch(name)
        _installed[server] = version
    _announce(f"Rasa {version}: patches active for the {server} server: {', '.join(names)}")
    return names


def installed_patches() -> dict[str, list[str]]:
    """server -> names of the patches installed in this process (for tests and checks)."""
    return {server: list(_PATCHES[server]) for server in _installed}
