"""Runs one of the widget's JavaScript test files with Node's built-in runner.

The Python suite drives the `.test.mjs` files this way, so `make check` covers the
widget's masking, digits and storage with the same shared vectors as the Python side.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def assert_node_tests_pass(test_file: str) -> None:
    """Run `node --test <test_file>` (a path from the project root); fail with the failing tests.

    Raises AssertionError when node is missing, when a test fails, or when the
    runner's summary does not report zero failures (a file with no test fails too).
    """
    node = shutil.which("node")
    assert node, "node is needed for the widget's tests (scripts/setup.sh installs it with npm)"
    result = subprocess.run(
        [node, "--no-warnings", "--test", test_file],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    failures = [line for line in result.stdout.splitlines() if line.startswith("not ok")]
    assert result.returncode == 0, "\n".join(failures[:20]) or result.stdout[-2000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout, result.stdout[-2000:]
