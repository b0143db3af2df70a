"""The widget's JavaScript masking passes the same shared vectors as arabic_text.pii.

Runs `node --test tests/arabic_text/pii_mask.test.mjs` (Node's built-in runner, no npm
package needed), which reads tests/pii_vectors.json like test_pii_vectors.py does.
"""

from __future__ import annotations

from pathlib import Path

from tests.node_tests import assert_node_tests_pass

ROOT = Path(__file__).resolve().parents[2]


def test_javascript_masking_passes_the_shared_vectors():
    assert_node_tests_pass("tests/arabic_text/pii_mask.test.mjs")
