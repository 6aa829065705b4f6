"""A transfer to an international organisation is told in the notice (GDPR Art. 13(1)(f)).

An international organisation is a transfer wherever its offices are (Art. 44): the EPO
sits in Germany and the Netherlands, and the notice still names the transfer and its
basis, in the activity and on the processors page.
"""

from __future__ import annotations

import pytest

from holte_ropa import load_registry
from holte_ropa.notice import render_notice, render_processors
from holte_ropa.terms import Lang
from tests.conftest import MakeRegistry

FILING = """\
activities:
  - id: patents
    name: {nb: Patentsøknader, en: Patent applications}
    description: {nb: Vi søker patent., en: We file patents.}
    role: controller
    purposes:
      - id: file
        description: {nb: Søke patent, en: File patents}
        legal_basis: {basis: contract, contract: {nb: Oppdraget, en: The engagement}}
    recipients:
      controllers: [epo]
parties:
  - id: epo
    legal_name: European Patent Organisation
    trade_name: EPO
    role: controller
    service: {nb: Behandler patentsøknader, en: Examines patent applications}
    locations: [{country: DE}, {country: NL}]
    international_organisation: {code: EPO, mechanism: MECHANISM}
"""

ADEQUACY = {
    "en": "- EPO (European Patent Organisation). Transfer basis: adequacy decision (GDPR "
    "Art. 45): Commission Implementing Decision of 15 July 2025.",
    "nb": "- EPO (European Patent Organisation). Overføringsgrunnlag: beslutning om "
    "tilstrekkelig beskyttelsesnivå (GDPR art. 45): Commission Implementing Decision of "
    "15 July 2025.",
}
INTRO = {
    "en": "Some data is transferred to international organisations:",
    "nb": "Noen opplysninger overføres til internasjonale organisasjoner:",
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_activity_names_the_organisation_and_its_transfer_basis(
    make_registry: MakeRegistry, lang: Lang
) -> None:
    text = FILING.replace("MECHANISM", "{mechanism: adequacy}")
    notice = render_notice(load_registry(make_registry({"r.yaml": text})), lang)
    assert f"\n{INTRO[lang]}\n\n{ADEQUACY[lang]}\n" in notice
    assert "not transferred to countries outside the EEA" not in notice


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_processors_page_gives_the_organisations_basis_beside_its_countries(
    make_registry: MakeRegistry, lang: Lang
) -> None:
    text = FILING.replace("MECHANISM", "{mechanism: adequacy}")
    page = render_processors(load_registry(make_registry({"r.yaml": text})), lang)
    row = next(line for line in page.splitlines() if line.startswith("<tr><td>EPO</td>"))
    assert "European Patent Organisation: " in row
    assert "No transfer outside the EEA" not in row and "Ingen overføring" not in row


def test_an_unsettled_mechanism_is_not_yet_confirmed(make_registry: MakeRegistry) -> None:
    text = FILING.replace("MECHANISM", "unknown")
    notice = render_notice(load_registry(make_registry({"r.yaml": text})), "en")
    assert (
        f"{INTRO['en']}\n\n- EPO (European Patent Organisation). Transfer basis: Not yet confirmed."
        in notice
    )


@pytest.mark.parametrize("mechanism", ["{mechanism: adequacy}", "{mechanism: dpf}"])
def test_a_basis_the_rules_refute_is_not_stated(
    make_registry: MakeRegistry, mechanism: str
) -> None:
    """No adequacy decision covers the OECD, and the DPF covers no organisation (R70):
    the notice says the basis is not yet confirmed instead of naming one."""
    text = FILING.replace("MECHANISM", mechanism).replace("code: EPO", "code: OECD")
    notice = render_notice(load_registry(make_registry({"r.yaml": text})), "en")
    assert "- EPO (European Patent Organisation). Transfer basis: Not yet confirmed." in notice
    assert "adequacy decision (GDPR Art. 45)" not in notice
    assert "Data Privacy Framework" not in notice


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        ("en", "Some data is transferred to international organisations: EPO."),
        ("nb", "Noen opplysninger overføres til internasjonale organisasjoner: EPO."),
    ],
)
def test_the_summary_names_the_international_organisations(
    make_registry: MakeRegistry, lang: Lang, summary: str
) -> None:
    """Art. 13(1)(f): "a third country or international organisation"."""
    text = FILING.replace("MECHANISM", "{mechanism: adequacy}")
    notice = render_notice(load_registry(make_registry({"r.yaml": text})), lang)
    summary_line = next(line for line in notice.splitlines() if summary in line)
    assert summary_line.startswith("- **")
    section = {"en": "## Transfers outside the EEA", "nb": "## Overføring til land utenfor EØS"}
    assert section[lang] in notice
