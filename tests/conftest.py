"""Tests under these folders start the real servers, so they carry the e2e marker
(`make test` runs them in their own step)."""

from __future__ import annotations

from pathlib import Path

import pytest

_E2E_FOLDERS = (Path(__file__).parent / "e2e", Path(__file__).parent / "resilience")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(folder in Path(str(item.fspath)).parents for folder in _E2E_FOLDERS):
            item.add_marker(pytest.mark.e2e)
