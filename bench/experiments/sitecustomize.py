"""Loads the experiments named in BENCH_EXPERIMENTS into a Rasa server process.

Python imports `sitecustomize` at start-up when this directory is on PYTHONPATH,
which `python -m bench.load --experiment NAME` arranges for the Rasa server only.
"""

import os
import sys

_names = [n for n in os.environ.get("BENCH_EXPERIMENTS", "").split(",") if n]
# The Rasa server is `rasa ...` or `python -m rasa_extensions.run_rasa ...` (runner/stack.py).
_argv = list(getattr(sys, "orig_argv", sys.argv))
_is_rasa = os.path.basename(sys.argv[0] if sys.argv else "") == "rasa" or "rasa_extensions.run_rasa" in _argv
if _names and _is_rasa:
    import importlib

    for _name in _names:
        importlib.import_module(f"bench.experiments.{_name}").install()
