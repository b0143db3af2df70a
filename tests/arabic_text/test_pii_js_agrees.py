"""The widget's JavaScript masking passes the same shared vectors as arabic_text.pii.

Runs `node --test tests/arabic_text/pii_mask.test.mjs` (Node's built-in runner, no npm
package needed), which reads tests/pii_vectors.json like test_pii_vectors.py does.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_javascript_masking_passes_the_shared_vectors():
    node = shutil.which("node")
    assert node, "node is needed for the widget's tests (scripts/setup.sh installs it with npm)"
    result = subprocess.run(
        [node, "--no-warnings", "--test", "tests/arabic_text/pii_mask.test.mjs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    failures = [line for line in result.stdout.splitlines() if line.startswith("not ok")]
    assert result.returncode == 0, "\n".join(failures[:20]) or result.stdout[-2000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
