"""`python -m runner.shell_env`: the runtime settings as ``export NAME=value`` lines.

For shell scripts (scripts/common.sh, deploy/scale_services.sh): ``eval "$(python -m
runner.shell_env)"`` gives them runner.settings' defaults for whatever the
environment does not set, so the defaults are written once, in Python.
"""

from __future__ import annotations

import os
import sys

from runner.settings import shell_exports

if __name__ == "__main__":
    sys.stdout.write(shell_exports(os.environ))
