"""python -m eligibility: see eligibility/cli.py."""

import sys

from .cli import main

sys.exit(main())
