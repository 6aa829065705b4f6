"""Mermaid text: YAML front matter from an emitter, labels in Mermaid's entity syntax."""

from __future__ import annotations

import yaml

from holte_ropa import load_registry
from holte_ropa.graph._data import _front_matter, _mq
from holte_ropa.graph._formats import to_mermaid
from holte_ropa.graph._graph import build_graph
from tests.conftest import ROOT


def _front(text: str) -> dict[str, str]:
    _, matter, _ = text.split("---\n", 2)
    loaded = yaml.safe_load(matter)
    assert isinstance(loaded, dict)
    return loaded


def test_a_title_with_a_colon_is_valid_yaml_front_matter() -> None:
    view = build_graph(load_registry(ROOT / "registry")).view("transfers")
    assert _front(to_mermaid(view, "en")) == {"title": "Transfers outside the EEA: Holte AS"}


def test_a_hash_in_a_title_is_kept_not_read_as_a_yaml_comment() -> None:
    lines = _front_matter("Holte # AS: #1;")
    assert _front("\n".join(lines) + "\n") == {"title": "Holte # AS: #1;"}


def test_a_literal_hash_is_escaped_before_mermaid_can_read_it_as_an_entity() -> None:
    assert _mq("A #1; B") == '"A #35;1; B"'
    assert _mq('say "hi" <b>') == '"say #quot;hi#quot; #lt;b#gt;"'
    assert _mq("two\nlines") == '"two<br/>lines"'


def test_a_percent_and_an_ampersand_are_entities_so_no_name_holds_a_directive() -> None:
    assert _mq("%%{init: {}}%% & co") == '"#37;#37;{init: {}}#37;#37; #38; co"'
