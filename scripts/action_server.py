"""Runs the action server on loopback (rasa_sdk's own CLI always binds 0.0.0.0).

Start-up installs the project's patches for the action server (rasa_extensions.install;
today the PII log masking), logs that they are active, and exits with status 2 on a
Rasa version they were not checked against.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from rasa_sdk.endpoint import create_app

import rasa_extensions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("ACTION_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_PORT", "5055")))
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    try:
        rasa_extensions.install("actions")  # masks IDs and phone numbers in anything logged
    except rasa_extensions.UncheckedRasaVersion as error:
        print(f"scripts/action_server.py: refusing to start: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    app = create_app("actions")
    app.run(host=args.host, port=args.port, workers=args.workers, access_log=False, motd=False)


if __name__ == "__main__":
    main()
