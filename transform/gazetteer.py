"""Actor and place gazetteers: canonical ids for the names, aliases and titles news copy uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Actor:
    """One person, organisation or state from config/actors.yaml."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    country: str | None = None
    # a state's department ("the Pentagon", "the Foreign Office"): a speaker of its own, but in events it acts
    # for its state, as the annotation conventions and analysts' counts by state expect
    state_body: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    """One location from config/places.yaml."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


def _key(name: str) -> str:
    """Normalise a name for lookup: drop a leading 'the', fold case, straighten apostrophes and spaces."""
    name = name.replace("\u2019", "'").replace("\u00a0", " ").strip()
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", name).casefold()


@dataclass(slots=True)
class Gazetteer:
    """Lookup of actors by name, alias or role, and of places by name or alias."""

    actors: dict[str, Actor] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    sides: tuple[str, ...] = ()
    _by_name: dict[str, Actor] = field(default_factory=dict)
    _by_role: dict[str, Actor] = field(default_factory=dict)
    _by_place: dict[str, Place] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, actors_doc: dict[str, Any] | None, places_doc: dict[str, Any] | None = None) -> Gazetteer:
        """Build from parsed YAML documents ({'actors': [...]}, {'places': [...]})."""
        gaz = cls()
        for row in (actors_doc or {}).get("actors", []) or []:
            actor = Actor(
                id=str(row["id"]),
                name=str(row["name"]),
                kind=str(row.get("kind", "person")),
                aliases=tuple(str(a) for a in row.get("aliases") or ()),
                roles=tuple(str(r) for r in row.get("roles") or ()),
                country=row.get("country"),
                state_body=bool(row.get("state_body", False)),
            )
            if actor.id in gaz.actors:
                raise ValueError(f"duplicate actor id in gazetteer: {actor.id}")
            gaz.actors[actor.id] = actor
            for name in (actor.name, *actor.aliases):
                gaz._by_name.setdefault(_key(name), actor)
            for role in actor.roles:
                gaz._by_role.setdefault(_key(role), actor)
        gaz.sides = tuple(str(s) for s in (actors_doc or {}).get("sides") or ())
        unknown = [s for s in gaz.sides if s not in gaz.actors]
        if unknown:
            raise ValueError(f"sides names unknown actor ids: {', '.join(unknown)}")
        for row in (places_doc or {}).get("places", []) or []:
            place = Place(
                name=str(row["name"]),
                aliases=tuple(str(a) for a in row.get("aliases") or ()),
                country=row.get("country"),
            )
            gaz.places.append(place)
            for name in (place.name, *place.aliases):
                gaz._by_place.setdefault(_key(name), place)
        return gaz

    def actor(self, name: str) -> Actor | None:
        """The actor a name or alias refers to, or None."""
        return self._by_name.get(_key(name))

    def actor_by_role(self, role: str) -> Actor | None:
        """The actor a title refers to ('the Kremlin spokesman'), or None."""
        return self._by_role.get(_key(role))

    def place(self, name: str) -> Place | None:
        """The place a name or alias refers to, or None."""
        return self._by_place.get(_key(name))

    def names(self) -> list[str]:
        """Every actor name and alias, longest first (for building match patterns)."""
        return sorted(self._by_name_originals(), key=len, reverse=True)

    def _by_name_originals(self) -> set[str]:
        out: set[str] = set()
        for actor in self.actors.values():
            out.add(actor.name)
            out.update(actor.aliases)
        return out

    def roles(self) -> list[str]:
        """Every role title, longest first."""
        out = {r for a in self.actors.values() for r in a.roles}
        return sorted(out, key=len, reverse=True)

    def place_names(self) -> list[str]:
        """Every place name and alias, longest first."""
        out = {n for p in self.places for n in (p.name, *p.aliases)}
        return sorted(out, key=len, reverse=True)
