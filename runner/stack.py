"""The local stack: real Rasa server, real action server, real HTTP between them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from runner.settings import DEFAULT_ACTION_PORT, DEFAULT_RASA_PORT, DEFAULT_WEBCHAT_PORT, runtime_environment

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class StackConfig:
    rasa_port: int = DEFAULT_RASA_PORT
    action_port: int = DEFAULT_ACTION_PORT
    webchat_port: int | None = DEFAULT_WEBCHAT_PORT
    model: Path = ROOT / "models" / "current.tar.gz"
    log_dir: Path = ROOT / "var" / "logs"
    extra_env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> StackConfig:
        """Ports from RASA_PORT, ACTION_PORT and WEBCHAT_PORT (runner.settings' defaults)."""
        settings = runtime_environment(os.environ if environ is None else environ)
        return cls(
            rasa_port=int(settings["RASA_PORT"]),
            action_port=int(settings["ACTION_PORT"]),
            webchat_port=int(settings["WEBCHAT_PORT"]),
        )

    @classmethod
    def on_free_ports(cls, **kwargs) -> StackConfig:
        return cls(rasa_port=free_port(), action_port=free_port(), webchat_port=free_port(), **kwargs)


class Stack:
    """Owns the child processes; `start()` returns once all of them answer."""

    def __init__(self, config: StackConfig) -> None:
        self.config = config
        self.processes: dict[str, subprocess.Popen] = {}
        self.env = self._environment()

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.config.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.config.action_port}"

    @property
    def webchat_url(self) -> str | None:
        port = self.config.webchat_port
        return f"http://127.0.0.1:{port}" if port else None

    @property
    def token(self) -> str:
        return self.env["RASA_TOKEN"]

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        # This stack's ports are its own (tests pick free ones); the URLs follow them.
        env.update(
            {
                "RASA_PORT": str(self.config.rasa_port),
                "ACTION_PORT": str(self.config.action_port),
                "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.config.action_port}/webhook",
                "RASA_PUBLIC_URL": f"http://127.0.0.1:{self.config.rasa_port}",
            }
        )
        if self.config.webchat_port:
            env["WEBCHAT_PORT"] = str(self.config.webchat_port)
        env.update(runtime_environment(env))  # defaults for the rest, from runner.settings
        env.update(
            {
                "PYTHONPATH": str(ROOT),
                "RASA_TELEMETRY_ENABLED": "false",
                "TF_CPP_MIN_LOG_LEVEL": "3",
                "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            }
        )
        env.update(self.config.extra_env)
        for required in ("RASA_TOKEN", "NATIONAL_ID_HMAC_KEY"):
            if not env.get(required):
                raise RuntimeError(f"{required} must be set (scripts/run.sh generates one into var/)")
        return env

    def _spawn(self, name: str, args: list[str]) -> None:
        self.config.log_dir.mkdir(parents=True, exist_ok=True)
        # The child gets its own copy of the file descriptor; ours is closed at once.
        with open(self.config.log_dir / f"{name}.log", "ab") as log:
            self.processes[name] = subprocess.Popen(
                args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def start_action_server(self) -> None:
        self._spawn(
            "actions", [str(VENV_BIN / "python"), "scripts/action_server.py", "--port", str(self.config.action_port)]
        )

    def start_rasa_server(self) -> None:
        cors = self.webchat_url or "*"
        self._spawn(
            "rasa",
            [
                # The launcher installs rasa_extensions' patches, then runs Rasa's CLI; it
                # reads the auth token from RASA_TOKEN (in self.env), so `ps` never shows it.
                str(VENV_BIN / "python"),
                "-m",
                "rasa_extensions.run_rasa",
                "run",
                "--model",
                str(self.config.model),
                "--enable-api",
                "--interface",
                "127.0.0.1",
                "--port",
                str(self.config.rasa_port),
                "--endpoints",
                "endpoints.yml",
                "--credentials",
                "credentials.yml",
                "--cors",
                cors,
            ],
        )

    def start_webchat(self) -> None:
        if self.config.webchat_port and (ROOT / "webchat" / "serve.py").exists():
            self._spawn("webchat", [str(VENV_BIN / "python"), "webchat/serve.py"])

    def start(self, timeout: float = 180.0) -> Stack:
        self.start_action_server()
        self.start_rasa_server()
        self.start_webchat()
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float = 180.0) -> None:
        deadline = time.monotonic() + timeout
        checks = {"actions": f"{self.action_url}/health", "rasa": f"{self.rasa_url}/status?token={self.token}"}
        if "webchat" in self.processes:
            checks["webchat"] = f"{self.webchat_url}/"
        pending = dict(checks)
        while pending:
            for name, url in list(pending.items()):
                process = self.processes.get(name)
                if process and process.poll() is not None:
                    raise RuntimeError(
                        f"{name} exited with {process.returncode}; see {self.config.log_dir / (name + '.log')}"
                    )
                try:
                    response = httpx.get(url, timeout=2)
                    if response.status_code == 200 and (name != "rasa" or response.json().get("model_file")):
                        pending.pop(name)
                except (httpx.HTTPError, ValueError):
                    pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"not ready after {timeout:.0f} s: {', '.join(pending)}")
            time.sleep(0.5)

    def stop_process(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            os.killpg(process.pid, sig)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def stop(self) -> None:
        for name in list(self.processes):
            self.stop_process(name)

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
