"""The repo's own topic profile and gazetteer, loaded once for the transform tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasefire.config import load_gazetteer, read_yaml
from transform.gazetteer import Gazetteer
from transform.relevance import TopicProfile

CONFIG = Path(__file__).resolve().parents[2] / "config"


@pytest.fixture(scope="session")
def profile() -> TopicProfile:
    """config/topic.yaml, the talks profile."""
    return TopicProfile.from_dict(read_yaml(CONFIG / "topic.yaml"))


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """config/actors.yaml and config/places.yaml."""
    return load_gazetteer(CONFIG)
