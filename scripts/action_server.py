"""Runs the action server on loopback (rasa_sdk's own CLI always binds 0.0.0.0)."""
from __future__ import annotations

import argparse
import logging
import os

from rasa_sdk.endpoint import create_app

from arabic_text.pii import install_pii_log_filter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=os.environ.get("ACTION_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_PORT", "5055")))
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    install_pii_log_filter()  # masks IDs and phone numbers in anything logged
    app = create_app("actions")
    app.run(host=args.host, port=args.port, workers=args.workers, access_log=False, motd=False)


if __name__ == "__main__":
    main()
