"""The change log, the graph and the flows table word legal terms as the vocabulary does."""

from __future__ import annotations

import pytest

from holte_ropa.changes._wording import basis_label, group_label, mechanism_label
from holte_ropa.graph._graph import role_name
from holte_ropa.graph._style import _short_mechanism
from holte_ropa.terms import LANGUAGES, LEGAL_BASES, ROLES, TRANSFER_MECHANISMS


@pytest.mark.parametrize("basis", list(LEGAL_BASES))
def test_the_change_log_names_and_cites_each_legal_basis_from_the_vocabulary(basis: str) -> None:
    term = LEGAL_BASES[basis]
    label = basis_label({"basis": basis})
    for lang in LANGUAGES:
        assert label[lang] == f"{term.label[lang]} ({term.cite(lang)})"


@pytest.mark.parametrize("mechanism", ["adequacy", "dpf", "scc", "bcr"])
def test_the_change_log_and_the_graph_name_each_transfer_mechanism_alike(mechanism: str) -> None:
    term = TRANSFER_MECHANISMS[mechanism]
    for lang in LANGUAGES:
        assert mechanism_label({"mechanism": mechanism})[lang].startswith(term.label[lang])
        assert _short_mechanism(mechanism, lang) == term.form("short")[lang]


def test_the_graph_and_the_change_log_name_party_roles_with_datatilsynets_words() -> None:
    for lang in LANGUAGES:
        assert role_name("processor", lang) == ROLES["processor"].label[lang]
        assert role_name("controller", lang) == ROLES["independent_controller"].label[lang]
        assert group_label("joint_controllers")[lang] == ROLES["joint_controller"].label[lang]
