"""The arabic_text package: its public names, and that it stays free of Rasa."""
from __future__ import annotations

import ast
from pathlib import Path

import arabic_text

PACKAGE_DIR = Path(arabic_text.__file__).parent
FORBIDDEN = ("rasa", "rasa_sdk", "actions", "sanic", "tensorflow")


def _imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_module_in_arabic_text_imports_rasa():
    sources = sorted(PACKAGE_DIR.glob("*.py"))
    assert len(sources) >= 10, "the package layout changed; update this test"
    offenders = [
        f"{path.name}: {module}"
        for path in sources
        for module in _imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_shared_contract_names_are_exported():
    for name in ("normalize", "parse_amount", "parse_count", "parse_age", "parse_yes_no",
                 "extract_answers", "is_correction", "parse_birth_date", "display_text"):
        assert callable(getattr(arabic_text, name)), name
        assert name in arabic_text.__all__


def test_modules_stay_small():
    too_long = {p.name: n for p in PACKAGE_DIR.glob("*.py")
                if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 300}
    assert too_long == {}
