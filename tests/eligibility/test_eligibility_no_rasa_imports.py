"""eligibility/ stays pure Python: no module may import Rasa."""
from __future__ import annotations

import ast
from pathlib import Path

import eligibility

PACKAGE_DIR = Path(eligibility.__file__).parent
FORBIDDEN = ("rasa", "rasa_sdk", "actions", "sanic")


def _imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_module_in_eligibility_imports_rasa():
    sources = sorted(PACKAGE_DIR.rglob("*.py"))
    assert len(sources) >= 10, "the package layout changed; update this test"
    offenders = [
        f"{path.name}: {module}"
        for path in sources
        for module in _imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_the_import_checker_sees_a_rasa_import(tmp_path):
    fake = tmp_path / "fake.py"
    fake.write_text("import os\nfrom rasa_sdk import Action\n", encoding="utf-8")
    assert "rasa_sdk" in list(_imported_modules(fake))
