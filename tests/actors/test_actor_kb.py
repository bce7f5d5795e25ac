"""The actor knowledge base: package data validates, user files add and override, errors name file and entry."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pycountry
import pytest
import yaml

from lanner.actors import ActorKnowledgeBase, is_generic, state_actor_id
from lanner.actors.knowledge_base import ACTOR_KINDS, PACKAGE_ACTOR_FILES, STATE_ROLE_NAMES
from lanner.errors import Code, DataError


def _package_text(name: str) -> str:
    return resources.files("lanner").joinpath("data", name).read_text(encoding="utf-8")


def test_package_ids_are_unique_across_files() -> None:
    seen: dict[str, str] = {}
    for name in PACKAGE_ACTOR_FILES:
        for entry in yaml.safe_load(_package_text(name))["actors"]:
            assert entry["id"] not in seen, f"{entry['id']} in {name} and {seen.get(entry['id'])}"
            seen[entry["id"]] = name


@pytest.mark.parametrize("name", [*PACKAGE_ACTOR_FILES, "demonyms.yaml"])
def test_data_files_start_with_a_provenance_header(name: str) -> None:
    text = _package_text(name)
    assert text.startswith("#")
    header = text.split("\n\n", 1)[0]
    assert "Facts from" in header


def test_at_least_300_named_actors(kb: ActorKnowledgeBase) -> None:
    named = kb.named_actors()
    assert len(named) >= 300
    assert all(not is_generic(a.actor_id) and "." not in a.actor_id for a in named)


def test_every_actor_is_well_formed(kb: ActorKnowledgeBase) -> None:
    for actor in kb.actors():
        assert actor.name.strip(), actor.actor_id
        assert actor.kind in ACTOR_KINDS, actor.actor_id
        assert actor.country is None or re.fullmatch(r"[A-Z]{2}", actor.country), actor.actor_id
        assert actor.wikidata is None or re.fullmatch(r"Q[1-9]\d*", actor.wikidata), actor.actor_id
        assert all(isinstance(a, str) and a.strip() == a and a for a in actor.aliases), actor.actor_id
        assert actor.parent is None or actor.parent in kb, actor.actor_id
        info = kb.info(actor.actor_id)
        assert info is not None
        assert all(other in kb for other in info.affiliations), actor.actor_id
        if info.active_from and info.active_to:
            assert info.active_from <= info.active_to


def test_named_ids_are_snake_case(kb: ActorKnowledgeBase) -> None:
    for actor in kb.named_actors():
        assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", actor.actor_id), actor.actor_id


def test_parent_chains_end(kb: ActorKnowledgeBase) -> None:
    for actor in kb.actors():
        chain = kb.parent_chain(actor.actor_id)
        assert actor.actor_id not in chain
        assert len(chain) == len(set(chain))


def test_parent_chain_examples(kb: ActorKnowledgeBase) -> None:
    assert kb.parent_chain("islamic_state_sinai") == ["islamic_state"]
    assert kb.parent_chain("aqap") == ["al_qaeda"]
    assert kb.parent_chain("quds_force") == ["irgc", "IR.state_forces", "IR.government"]
    assert kb.parent_chain("kataib_hezbollah") == ["pmf"]
    assert kb.parent_chain("islamic_state") == []
    assert kb.parent_chain("no_such_actor") == []


def test_state_actors_for_every_iso_country(kb: ActorKnowledgeBase) -> None:
    for country in pycountry.countries:
        for role in STATE_ROLE_NAMES:
            actor = kb.state_actor(country.alpha_2, role)
            assert actor is not None, (country.alpha_2, role)
            assert actor.actor_id == f"{country.alpha_2}.{role}"
            assert actor.country == country.alpha_2


def test_state_actor_shapes(kb: ActorKnowledgeBase) -> None:
    government = kb.state_actor("iq")
    assert government is not None
    assert (government.actor_id, government.kind, government.name) == (
        "IQ.government",
        "government",
        "Government of Iraq",
    )
    forces = kb.state_actor("IQ", "state_forces")
    assert forces is not None and forces.kind == "state_forces" and forces.parent == "IQ.government"
    police = kb.state_actor("IQ", "police")
    assert police is not None and police.kind == "state_forces"
    assert kb.state_actor("US", "government").name == "Government of the United States"  # type: ignore[union-attr]
    assert kb.state_actor("ZZ") is None
    assert state_actor_id("iq", "police") == "IQ.police"
    with pytest.raises(ValueError):
        kb.state_actor("IQ", "navy")


def test_patched_state_actor_keeps_generated_fields(kb: ActorKnowledgeBase) -> None:
    forces = kb.get("IL.state_forces")
    assert forces is not None
    assert "IDF" in forces.aliases
    assert forces.name == "Military forces of Israel"


def test_known_wikidata_ids(kb: ActorKnowledgeBase) -> None:
    assert kb.get("islamic_state").wikidata == "Q2429253"  # type: ignore[union-attr]
    assert kb.get("al_qaeda").wikidata == "Q34490"  # type: ignore[union-attr]


# --- user files -----------------------------------------------------------------------------------


def _write(tmp_path: Path, text: str, name: str = "my_actors.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """
actors:
  - id: my_local_militia
    name: Example Valley Defence Group
    kind: armed_group
    subkind: militia
    country: IQ
    aliases: [EVDG, Valley defenders]
    parent: pmf
    active_from: 2016
  - id: islamic_state
    name: ISIL
    aliases: [Tanzim al-Dawla]
    drop_aliases: [Daish]
""",
    )
    kb = ActorKnowledgeBase.load([path])
    added = kb.get("my_local_militia")
    assert added is not None
    assert (added.kind, added.country, added.parent, added.aliases) == (
        "armed_group",
        "IQ",
        "pmf",
        ("EVDG", "Valley defenders"),
    )
    info = kb.info("my_local_militia")
    assert info is not None and info.subkind == "militia" and info.active_from == 2016 and info.origin == str(path)
    islamic_state = kb.get("islamic_state")
    assert islamic_state is not None
    assert islamic_state.name == "ISIL"
    assert islamic_state.wikidata == "Q2429253"  # fields not given are kept
    assert "Tanzim al-Dawla" in islamic_state.aliases and "ISIS" in islamic_state.aliases
    assert "Daish" not in islamic_state.aliases


def test_later_user_files_win(tmp_path: Path) -> None:
    first = _write(tmp_path, "actors:\n  - {id: hamas, name: First name}\n", "a.yaml")
    second = _write(tmp_path, "- {id: hamas, name: Second name, kind: other}\n", "b.yaml")
    kb = ActorKnowledgeBase.load([first, second])
    hamas = kb.get("hamas")
    assert hamas is not None and (hamas.name, hamas.kind) == ("Second name", "other")


def test_empty_user_file_changes_nothing(tmp_path: Path, kb: ActorKnowledgeBase) -> None:
    assert len(ActorKnowledgeBase.load([_write(tmp_path, "")])) == len(kb)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("actors:\n  - id: x\n    name: [unclosed\n", "not valid YAML"),
        ("actors: 3\n", "list of actor entries"),
        ("groups: []\n", "top-level `actors:`"),
        ("actors:\n  - just a string\n", "actor entry 1"),
        ("actors:\n  - {name: No id, kind: other}\n", "actor entry 1: `id`"),
        ("actors:\n  - {id: new_group, kind: armed_group}\n", "actor entry 1 ('new_group'): a new actor needs name"),
        ("actors:\n  - {id: g, name: G, kind: militia}\n", "actor entry 1 ('g'): kind 'militia'"),
        (
            "actors:\n  - {id: g, name: G, kind: other}\n  - {id: g, name: H, kind: other}\n",
            "actor entry 2 ('g'): this id appears twice",
        ),
        ("actors:\n  - {id: g, name: G, kind: other, country: Iraq}\n", "country 'Iraq'"),
        ("actors:\n  - {id: g, name: G, kind: other, wikidata: 12345}\n", "wikidata 12345"),
        ("actors:\n  - {id: g, name: G, kind: other, aliases: [ok, '']}\n", "`aliases` item 2"),
        ("actors:\n  - {id: g, name: G, kind: other, aliases: GG}\n", "`aliases` must be a list"),
        ("actors:\n  - {id: g, name: G, kind: other, colour: red}\n", "unknown field(s) colour"),
        ("actors:\n  - {id: g, name: G, kind: other, active_from: 2020, active_to: 2010}\n", "after active_to"),
        (
            "actors:\n  - {id: g, name: G, kind: other, parent: no_such_parent}\n",
            "actor entry 1 ('g'): parent 'no_such_parent'",
        ),
        ("actors:\n  - {id: g, name: G, kind: other, affiliations: [nobody]}\n", "affiliation 'nobody'"),
        (
            "actors:\n  - {id: a, name: A, kind: other, parent: b}\n  - {id: b, name: B, kind: other, parent: a}\n",
            "parent links loop",
        ),
    ],
)
def test_malformed_user_file_gives_a_coded_error(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(DataError) as caught:
        ActorKnowledgeBase.load([path])
    error = caught.value
    assert error.code is Code.BAD_DATA_FILE
    assert error.origin == str(path)
    assert expected in error.message
    assert str(path) in str(error) and "E202" in str(error)


def test_missing_user_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(DataError) as caught:
        ActorKnowledgeBase.load([path])
    assert caught.value.code is Code.NOT_FOUND
    assert caught.value.origin == str(path)
