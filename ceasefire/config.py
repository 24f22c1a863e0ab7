"""Settings from flags and CEASEFIRE_* environment variables, and loaders for the YAML config files."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ceasefire.errors import ConfigError
from ceasefire.records import Source

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_config_dir() -> Path:
    """config/ beside the package (editable install, Docker image), else config/ in the working directory."""
    bundled = PROJECT_ROOT / "config"
    return bundled if bundled.is_dir() else Path("config")


@dataclass(frozen=True, slots=True)
class Settings:
    """Where things live; one object shared by the CLI and the DAGs."""

    warehouse: str = "data/ceasefire.duckdb"
    data_dir: Path = Path("data")
    config_dir: Path = field(default_factory=_default_config_dir)
    feeds: Path | None = None
    topic: Path | None = None
    allow_hosts: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Settings from CEASEFIRE_* variables, with explicit (non-None) overrides winning."""
        env = os.environ
        config_dir = Path(env.get("CEASEFIRE_CONFIG_DIR") or _default_config_dir())
        values: dict[str, Any] = {
            "warehouse": env.get("CEASEFIRE_WAREHOUSE") or "data/ceasefire.duckdb",
            "data_dir": Path(env.get("CEASEFIRE_DATA_DIR") or "data"),
            "config_dir": config_dir,
            "feeds": Path(env["CEASEFIRE_FEEDS"]) if env.get("CEASEFIRE_FEEDS") else None,
            "topic": Path(env["CEASEFIRE_TOPIC"]) if env.get("CEASEFIRE_TOPIC") else None,
            "allow_hosts": tuple(h.strip() for h in env.get("CEASEFIRE_ALLOW_HOSTS", "").split(",") if h.strip()),
        }
        for key, value in overrides.items():
            if value is None or value == ():
                continue
            values[key] = tuple(value) if key == "allow_hosts" else value
        return cls(**values)

    @property
    def feeds_path(self) -> Path:
        """The feeds file: --feeds / CEASEFIRE_FEEDS, else config/feeds.yaml."""
        return Path(self.feeds) if self.feeds else self.config_dir / "feeds.yaml"

    @property
    def topic_path(self) -> Path:
        """The topic profile: CEASEFIRE_TOPIC, else config/topic.yaml."""
        return Path(self.topic) if self.topic else self.config_dir / "topic.yaml"

    @property
    def raw_dir(self) -> Path:
        """WARC archive root."""
        return Path(self.data_dir) / "raw"

    @property
    def staging_dir(self) -> Path:
        """Per-run Parquet staging root."""
        return Path(self.data_dir) / "staging"


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, raising ConfigError with the path on any problem."""
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, yaml.YAMLError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ConfigError(f"cannot read {path}: {reason}") from None


def load_sources(path: Path) -> list[Source]:
    """Outlets from a feeds file (`sources: [{name, feeds: [...], country?, language?}]`); duplicates rejected."""
    doc = read_yaml(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("sources"), list):
        raise ConfigError(f"{path}: expected a mapping with a 'sources' list")
    sources: list[Source] = []
    names: set[str] = set()
    feeds_seen: set[str] = set()
    for i, row in enumerate(doc["sources"]):
        if not isinstance(row, dict) or not row.get("name") or not isinstance(row.get("feeds"), list):
            raise ConfigError(f"{path}: source #{i + 1} needs 'name' and a 'feeds' list")
        name = str(row["name"])
        if name in names:
            raise ConfigError(f"{path}: source {name!r} is declared twice")
        names.add(name)
        feeds = tuple(str(f) for f in row["feeds"])
        for feed in feeds:
            if feed in feeds_seen:
                raise ConfigError(f"{path}: feed {feed} is listed twice")
            feeds_seen.add(feed)
        sources.append(
            Source(
                name=name,
                feeds=feeds,
                country=row.get("country"),
                language=row.get("language"),
                max_per_host=row.get("max_per_host"),
                delay=row.get("delay"),
            )
        )
    return sources


def load_gazetteer(config_dir: Path):  # -> transform.gazetteer.Gazetteer
    """Actors (config/actors.yaml) and places (config/places.yaml, optional)."""
    from transform.gazetteer import Gazetteer

    actors = read_yaml(config_dir / "actors.yaml")
    places_path = config_dir / "places.yaml"
    places = read_yaml(places_path) if places_path.exists() else None
    try:
        return Gazetteer.from_dict(actors, places)
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{config_dir}/actors.yaml: {exc}") from None
