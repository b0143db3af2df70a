"""The packages outside Rasa stay free of it: usable from a notebook, a staff tool or
another service (design.md). Checked on the source, so an unused import counts too."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

FORBIDDEN = ("rasa", "rasa_sdk", "actions", "sanic", "tensorflow")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


@pytest.mark.parametrize("package", ["eligibility", "arabic_text", "status_store"])
def test_package_imports_nothing_from_rasa(package):
    sources = sorted(Path(importlib.import_module(package).__file__).parent.rglob("*.py"))
    assert len(sources) >= 10, "the package layout changed; update this test"
    offenders = [
        f"{path.name}: {module}"
        for path in sources
        for module in imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_the_import_checker_sees_a_rasa_import(tmp_path):
    fake = tmp_path / "fake.py"
    fake.write_text("import os\nfrom rasa_sdk import Action\n", encoding="utf-8")
    assert "rasa_sdk" in list(imported_modules(fake))


def test_saudi_locale_imports_only_the_standard_library():
    """Every package may import saudi_locale (digits, Riyadh clock), so it imports none of them."""
    import sys

    sources = sorted(Path(importlib.import_module("saudi_locale").__file__).parent.rglob("*.py"))
    assert sources
    offenders = [
        f"{path.name}: {module}"
        for path in sources
        for module in imported_modules(path)
        if module.split(".")[0] not in sys.stdlib_module_names and module != "__future__"
    ]
    assert offenders == []
