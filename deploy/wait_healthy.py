"""Wait until a URL answers 200: `python deploy/wait_healthy.py URL [--timeout S] [--json-key KEY] [--pid PID]`.

With --json-key the body must be JSON with a non-empty KEY (Rasa's /status has
`model_file` only once the model is loaded). With --pid it gives up as soon as that
process has exited, instead of waiting for the time-out.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request


def healthy(url: str, json_key: str = "") -> bool:
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            if response.status != 200:
                return False
            if not json_key:
                return True
            return bool(json.loads(response.read().decode("utf-8")).get(json_key))
    except (urllib.error.URLError, OSError, ValueError):
        return False


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--timeout", type=float, default=180)
    parser.add_argument("--json-key", default="")
    parser.add_argument("--pid", type=int)
    parser.add_argument("--name", default="")
    args = parser.parse_args()
    label = args.name or args.url.split("?")[0]  # never print the token
    deadline = time.monotonic() + args.timeout
    while time.monotonic() < deadline:
        if healthy(args.url, args.json_key):
            return 0
        if args.pid and not alive(args.pid):
            print(f"{label}: process {args.pid} exited before it became healthy", file=sys.stderr)
            return 1
        time.sleep(0.5)
    print(f"{label}: not healthy after {args.timeout:.0f} s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
