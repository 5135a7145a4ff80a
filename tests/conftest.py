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

# HYPOTHESIS_PROFILE=ci runs every property four times as many examples (a slower, deeper run);
# HYPOTHESIS_PROFILE=nightly fifty times (the fuzz harness's long run).
PROFILES = {"default": 1, "ci": 4, "nightly": 50}
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
SCALE = PROFILES[PROFILE]
for name, scale in PROFILES.items():
    settings.register_profile(
        name,
        max_examples=100 * scale,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
settings.load_profile(PROFILE)


def examples(count: int) -> settings:
    """``count`` examples in the default profile, more in the ci profile."""
    return settings(max_examples=count * SCALE)


@pytest.fixture(scope="session")
def seed_labels() -> dict:
    return tomllib.loads(SEED_LABELS.read_text(encoding="utf-8"))
