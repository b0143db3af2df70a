"""One tiny real `rasa train nlu` for tests of pipeline components inside Rasa's graph."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest


def train_tiny_nlu(root: Path, config: str, nlu: str) -> Path:
    """Trains config (YAML text) on nlu (YAML text) in root, offline, with its own cache.

    Returns the model's path; fails the test if Rasa wrote no model.
    """
    from rasa.model_training import train_nlu

    (root / "config.yml").write_text(textwrap.dedent(config), encoding="utf-8")
    (root / "nlu.yml").write_text(textwrap.dedent(nlu), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RASA_CACHE_DIRECTORY", str(root / "cache"))
        patch.setenv("RASA_TELEMETRY_ENABLED", "false")
        patch.chdir(root)
        model = train_nlu(
            str(root / "config.yml"), str(root / "nlu.yml"), str(root / "models"), fixed_model_name="tiny"
        )
    assert model, "the tiny NLU model did not train"
    return Path(model)
