"""`python -m runner`: start the assistant and keep it running until Ctrl-C."""

from __future__ import annotations

import signal
import sys
import time

from runner.stack import Stack, StackConfig
from runner.texts import EXAMPLE_QUESTION


def main() -> int:
    stack = Stack(StackConfig.from_environment())  # make run honours RASA_PORT, WEBCHAT_PORT
    print("Starting the action server, the Rasa server and the web widget…", flush=True)
    try:
        stack.start()
    except (RuntimeError, TimeoutError) as error:
        print(f"Could not start: {error}", file=sys.stderr)
        stack.stop()
        return 1
    print(
        f"""
The assistant is running.
  Web chat (open in a browser):  {stack.webchat_url}
  REST:   curl -s -XPOST {stack.rasa_url}/webhooks/rest/webhook \\
            -H 'Content-Type: application/json' -d '{{"sender":"me","message":"{EXAMPLE_QUESTION}"}}'
  Terminal chat (in another terminal):  make chat     (add SHAPE=always if your terminal shows Arabic broken)
  HTTP API token: var/rasa_token (or $RASA_TOKEN)
  Logs: var/logs/
Press Ctrl-C to stop.""",
        flush=True,
    )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while all(p.poll() is None for p in stack.processes.values()):
            time.sleep(1)
        print("A process stopped; see var/logs/.", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, SystemExit):
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
