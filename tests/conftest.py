"""Shared fixtures: paths to the repo, the bundled sample, the seed article, and the CLI as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample"
SEED = REPO.parent / "shared" / "seed" / "trump-putin-call-2025-03-18.txt"
CLI = Path(sys.executable).parent / "ceasefire"


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: int = 300):
    """Run the real console script in a subprocess; return the CompletedProcess (text mode)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CEASEFIRE_")}
    full_env.update(env or {})
    return subprocess.run(
        [str(CLI), *args], capture_output=True, text=True, env=full_env, cwd=cwd or REPO, timeout=timeout
    )


@pytest.fixture
def seed_text() -> str:
    """The seed article, from ../shared/seed (skipped where shared/ is absent)."""
    if not SEED.exists():
        pytest.skip("../shared/seed is not available")
    return SEED.read_text(encoding="utf-8")
