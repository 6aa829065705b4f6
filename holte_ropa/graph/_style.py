"""The diagrams' words per language and their colours (Okabe-Ito, safe for colour-blind readers)."""

from __future__ import annotations

from typing import Any

from holte_ropa.graph._labels import UNKNOWN_CODE
from holte_ropa.terms import TRANSFER_MECHANISMS

# --------------------------------------------------------------------------- words

_WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "subjects": "De registrerte",
        "eea": "EØS",
        "third_country": "Tredjeland (utenfor EØS)",
        "legend": "Forklaring",
        "activity": "behandlingsaktivitet",
        "as_processor": "vi er databehandler",
        "as_joint": "felles behandlingsansvar",
        "special": "særlige kategorier (art. 9/10)",
        "subject": "registrerte",
        "country": "land",
        "transfer": "overføring ut av EØS, med grunnlag",
        "transfer_unknown": "overføring, grunnlag ikke avklart",
        "dpf": "DPF: EU–US Data Privacy Framework",
        "eea_location": "behandling i EØS",
        "storage": "lagring",
        "processing": "behandling",
        "support": "brukerstøtte",
        "parent": "morselskap",
        "unlocated": "land ikke avklart",
        "legend_unlocated": "land ikke avklart:\noverføring ut av EØS ikke utelukket",
        "desc": "{a} {a_s}, {p} {p_s} og {c} {c_s}. {t}",
        "desc_unlocated": "Land ikke avklart for {list}, så overføring ut av EØS er ikke "
        "utelukket.",
        "desc_transfers": "Overføringer ut av EØS: {list}.",
        "desc_none": "Ingen overføringer ut av EØS.",
    },
    "en": {
        "subjects": "Data subjects",
        "eea": "EEA",
        "third_country": "Third countries (outside the EEA)",
        "legend": "Legend",
        "activity": "processing activity",
        "as_processor": "we are processor",
        "as_joint": "joint control",
        "special": "special categories (Art. 9/10)",
        "subject": "data subjects",
        "country": "country",
        "transfer": "transfer outside the EEA, with a transfer basis",
        "transfer_unknown": "transfer, basis not yet confirmed",
        "dpf": "DPF: EU–US Data Privacy Framework",
        "eea_location": "processing in the EEA",
        "storage": "storage",
        "processing": "processing",
        "support": "support",
        "parent": "parent company",
        "unlocated": "countries not yet confirmed",
        "legend_unlocated": "countries not confirmed:\ntransfer outside the EEA not ruled out",
        "desc": "{a} processing {a_s}, {p} {p_s} and {c} {c_s}. {t}",
        "desc_transfers": "Transfers outside the EEA: {list}.",
        "desc_none": "No transfers outside the EEA.",
        "desc_unlocated": "Countries not confirmed for {list}, so a transfer outside the EEA "
        "is not ruled out.",
    },
}

# Okabe-Ito colours (safe for colour-blind readers), pale fills with the full colour as
# the border so the role still reads in greyscale prints through the words in the label.
_ROLE_COLOURS: dict[str, tuple[str, str]] = {
    "processor": ("#D2E7F5", "#0072B2"),
    "sub_processor": ("#E4F3FB", "#56B4E9"),
    "controller": ("#FBE8C8", "#E69F00"),
    "joint_controller": ("#F4DCEA", "#CC79A7"),
    "authority": ("#E6E6E6", "#555555"),
    "customer": ("#CFEDE2", "#009E73"),
}
_SUBJECT_COLOURS = ("#FFF6C8", "#B89B00")
_ACTIVITY_COLOURS = ("#FFFFFF", "#333333")
_COUNTRY_COLOURS = ("#FFFFFF", "#777777")
_EEA_CLUSTER = ("#EEF6EE", "#7FB07F")
_THIRD_CLUSTER = ("#FCEBE6", "#D55E00")
_TRANSFER = "#D55E00"
_QUIET = "#8A8A8A"
_FONT = "Helvetica,Arial,sans-serif"


def _w(lang: str) -> dict[str, str]:
    return _WORDS["nb" if lang == "nb" else "en"]


def _label(data: dict[str, Any], lang: str) -> str:
    return str(data["label_nb" if lang == "nb" else "label_en"])


def _short_mechanism(mechanism: str, lang: str) -> str:
    if mechanism in TRANSFER_MECHANISMS:
        return TRANSFER_MECHANISMS[mechanism].form("short").get(lang)
    short = {
        # The notice's words for a fact the record leaves open.
        UNKNOWN_CODE: "ikke avklart" if lang == "nb" else "not yet confirmed",
        "none": "mangler" if lang == "nb" else "missing",
    }
    return short.get(mechanism, mechanism)
