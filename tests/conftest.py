from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_58afccda0e350999.txt"
SEED_LABELS = ROOT / "examples" / "000_58afccda0e350999.gold.toml"
SHARED = ROOT.parent / "shared"

settings.register_profile("default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def seed_labels() -> dict:
    return tomllib.loads(SEED_LABELS.read_text(encoding="utf-8"))
