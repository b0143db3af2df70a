"""Start Rasa's own command line with the project's patches installed first.

    RASA_TOKEN=... python -m rasa_extensions.run_rasa run --model models/current.tar.gz --enable-api ...

It is `rasa ...` with two differences:

- `rasa_extensions.install("rasa")` runs before Rasa parses anything, so the Rasa
  server has its patches whatever tracker store endpoints.yml names, logs one line
  saying so, and exits with status 2 on a Rasa version they were not checked against;
- for `run`, when RASA_TOKEN is set and no `--auth-token` is given, the token is added
  to Rasa's argv inside this process as `--auth-token=<token>`, so it never appears on
  the command line (`ps`). The `=` form matters: a token may start with "-".

Other sub-commands (`train`, `test`, `data validate`) work as with `rasa`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from rasa_extensions import UncheckedRasaVersion, install

TOKEN_ENV = "RASA_TOKEN"
_TOKEN_OPTION = "--auth-token"


def rasa_argv(argv: Sequence[str], environ: dict | None = None) -> list[str]:
    """Rasa's argv (without the program name) for `argv`, with the token from the environment."""
    args = list(argv)
    token = (os.environ if environ is None else environ).get(TOKEN_ENV)
    given = any(a == _TOKEN_OPTION or a.startswith(_TOKEN_OPTION + "=") for a in args)
    if args[:1] == ["run"] and token and not given:
        # Right after the sub-command: Rasa reads a trailing positional as the model path.
        args.insert(1, f"{_TOKEN_OPTION}={token}")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    """Install the patches, then hand over to `rasa.__main__.main` (does not return normally)."""
    try:
        install("rasa")
    except UncheckedRasaVersion as error:
        print(f"rasa_extensions.run_rasa: refusing to start: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    sys.argv = ["rasa", *rasa_argv(sys.argv[1:] if argv is None else argv)]

    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
