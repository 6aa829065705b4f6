"""Free text into typed registry facts, shared by the spreadsheet and Fides importers.

The controller's block (name, organisation number, address, e-mail, DPO), postal
addresses, retention rules ("5 years after the end of the contract (bokføringsloven
§ 13)") and statute references. Each function writes into the draft with a comment
naming the source, or reports what it could not read.
"""

from __future__ import annotations

import re
from typing import Any

from holte_ropa.imports._draft import UNKNOWN, Draft
from holte_ropa.imports._layout import Located
from holte_ropa.imports._notes import Fact
from holte_ropa.imports._values import (
    country_code,
    duration,
    is_empty,
    is_none,
    is_unknown,
    items_are_lines,
    trigger,
    vocabulary,
)

__all__ = [
    "address_fact",
    "dpo_fact",
    "legal_source",
    "org_number",
    "organisation_block",
    "retention_rules",
]


def organisation_block(draft: Draft, block: dict[str, Located]) -> None:
    """The controller's details found above a table or on an organisation sheet."""
    org = draft.organisation
    for key, (value, where) in block.items():
        if is_empty(value) or is_unknown(value) or key in org:
            continue
        src = f"from {where}"
        if key == "name":
            _name_and_contact(draft, value, where, block)
        elif key == "org_number":
            org_number(draft, value, where)
        elif key in ("email", "privacy_contact"):
            email = re.search(r"[^@\s,;]+@[^@\s,;]+\.[a-z]{2,}", value)
            if email:
                org[key] = Fact(email.group(0), src)
            else:
                draft.warn(where, f"'{value}' holds no e-mail address")
        elif key == "phone":
            org["phone"] = Fact(value.strip(), src)
        elif key == "website":
            url = value.strip()
            org["website"] = Fact(url if "://" in url else f"https://{url}", src)
        elif key == "address":
            address_fact(draft, value, where)
        elif key == "dpo":
            dpo_fact(draft, value, where)


_ORG_NUMBER = re.compile(
    r"(?:org\.?\s*n(?:r|o)\.?|organisasjonsnummer|organisation number|organization number|"
    r"company number|company no\.?|siren|siret|n°\s*siren)\s*:?\s*"
    r"(?P<number>\d[\d ]{6,16}\d)",
    re.IGNORECASE,
)
"""An organisation number labelled in the name cell: "org.nr. 912 345 678" (NO),
"SIREN 123 456 789" (FR), "Company number 01234567" (UK)."""


def org_number(draft: Draft, value: str, where: str) -> None:
    """A Norwegian organisation number (nine digits, MOD11), the one the registry holds;
    another country's number (SIREN, UK company number) is reported and left unknown."""
    from holte_ropa.model._organisation import _mod11_ok

    digits = re.sub(r"\D", "", value)
    if len(digits) == 9 and _mod11_ok(digits):
        draft.organisation["org_number"] = Fact(digits, f"from {where}")
        return
    draft.warn(
        where,
        f"'{value.strip()}' is not a Norwegian organisation number (nine digits with a valid "
        "check digit), the only kind the registry holds; org_number left unknown: keep "
        "another country's number in the organisation's notes",
    )


def _name_and_contact(draft: Draft, value: str, where: str, block: dict[str, Located]) -> None:
    """The controller's name; a cell giving "name and contact details" in one (name,
    address lines, e-mail) gives each to its field unless the block has it apart."""
    org = draft.organisation
    number = _ORG_NUMBER.search(value)
    if number and "org_number" not in block:
        org_number(draft, number.group(0), where)
        value = (value[: number.start()] + value[number.end() :]).strip(" ,;")
    parts = [p.strip() for p in re.split(r"[,;\n]", value) if p.strip()]
    found = re.search(r"[^@\s,;]+@[^@\s,;]+\.[a-z]{2,}", value)
    if len(parts) == 1 or (found is None and not re.search(r"\d", value)):
        org["name"] = Fact(value.strip(), f"from {where}")
        return
    org["name"] = Fact(parts[0], f"the first part of {where}")
    if found and "email" not in block:
        org["email"] = Fact(found.group(0), f"from {where}")
    rest = [p for p in parts[1:] if found is None or found.group(0) not in p]
    if len(rest) >= 2 and "address" not in block:
        address_fact(draft, ", ".join(rest), where)


_POSTAL = re.compile(r"(?:(?P<country>[A-Z]{1,2})-)?(?P<code>\d{3} \d{2}|\d{4,5})\s+(?P<city>\D.*)")
"""A postal code before the city: "0150 Oslo", "75002 Paris", "SE-111 22 Stockholm"."""
_UK_POSTCODE = re.compile(r"(?:(?P<city>\D.*?)\s+)?(?P<code>[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})")
"""A UK postcode after the city or on its own: "Reading RG1 2AB", "LS1 4AP"."""


def address_fact(draft: Draft, value: str, where: str) -> None:
    """The postal address in ``value`` as the organisation's: "street, 0150 Oslo",
    "street, 75001 Paris, France" or "street, Leeds, LS1 4AP, England"."""
    parts = [p.strip() for p in re.split(r"[,\n]", value) if p.strip()]
    address: dict[str, Any] = {}
    if len(parts) > 2 and country_code(parts[-1]):
        address["country"] = country_code(parts.pop())
    for i in range(len(parts) - 1, 0, -1):
        match = _POSTAL.fullmatch(parts[i])
        if match:
            address.update(lines=parts[:i], postal_code=match["code"], city=match["city"])
            prefix = country_code(match["country"]) if match["country"] else None
            if prefix:  # "SE-111 22 Stockholm"
                address.setdefault("country", prefix)
            break
        uk = _UK_POSTCODE.fullmatch(parts[i])
        if uk and (uk["city"] or i > 1):  # "Reading RG1 2AB", or "Leeds, LS1 4AP"
            city = uk["city"] or parts[i - 1]
            lines = parts[:i] if uk["city"] else parts[: i - 1]
            address.update(lines=lines, postal_code=uk["code"], city=city)
            address.setdefault("country", "GB")  # only the UK writes postcodes so
            break
    if "lines" not in address:
        draft.warn(where, f"no postal code and city found in the address '{value}'")
        return
    lines, rest = address.pop("lines"), address
    if "country" not in rest:
        draft.warn(
            where,
            f"the address '{value}' names no country; the registry then takes Norway (NO): "
            "add country: to the postal address in organisation.yaml if that is wrong",
        )
    draft.organisation["postal_address"] = Fact({"lines": lines, **rest}, f"from {where}")


_PHONE = re.compile(
    r"(?:\b(?:tlf|tel|telefon|telephone|téléphone|phone|mob|mobil|mobile|ph)\b\.?\s*:?\s*)?"
    r"(?P<number>\+?\d[\d \-]{6,}\d)",
    re.IGNORECASE,
)
"""A phone number with its label, if any ("tlf. 55 12 34 56"): the label goes with it."""


def dpo_fact(draft: Draft, value: str, where: str) -> None:
    """An appointed DPO from "name, e-mail"; anything else is reported and left unknown."""
    email = re.search(r"[^@\s,;()<>]+@[^@\s,;()<>]+\.[a-z]{2,}", value)
    if is_none(value):
        draft.warn(where, "the source says no DPO is appointed but not why (Art. 37); left unknown")
        return
    phone = _PHONE.search(value)
    if email is None and phone is None:
        draft.warn(where, f"no contact details for the DPO in '{value}'; left unknown")
        return
    name = value
    for found in (email, phone):
        if found is not None:
            name = name.replace(found.group(0), "")
    name = ", ".join(p.strip(" ()") for p in re.split(r"[,;]", name) if p.strip(" ()"))
    dpo: dict[str, Any] = {"appointed": True}
    if name:
        dpo["name"] = name
    if email is not None:
        dpo["email"] = email.group(0)
    if phone is not None:
        dpo["phone"] = phone.group("number").strip()
    draft.organisation["dpo"] = Fact(dpo, f"from {where}")


_SOURCE_RE = re.compile(r"(?P<statute>[^§,;()]+?)\s*(?P<section>§\s*[\w-]+(?:\s*\S*ledd)?)")


def legal_source(text: str) -> dict[str, str] | None:
    match = _SOURCE_RE.search(text)
    if match is None:
        return None
    return {"statute": match.group("statute").strip(), "section": match.group("section").strip()}


def retention_rules(draft: Draft, text: str, at: str) -> list[dict[str, Any]]:
    """Retention rules from a text: one per line or ';', each with its period, the event
    it counts from and its legal source when the text names them, else ``unknown``."""
    rules = []
    items = text.splitlines() if items_are_lines() else re.split(r"\s*(?:\n|;)\s*", text)
    for item in items:
        if not item.strip():
            continue
        rule: dict[str, Any] = {}
        folded = item.casefold()
        period = duration(item)
        if period:
            rule["duration"] = Fact(period, f"from {at}")
        elif any(p in folded for p in vocabulary()["until_withdrawn"]):
            rule["duration"] = Fact("until_consent_withdrawn", f"from {at}")
        else:
            rule["duration"] = Fact(UNKNOWN, f"{at} gives no period")
            if not re.search(r"as long as|så lenge|aussi longtemps|durée nécessaire", folded):
                draft.warn(at, f"no period found in '{item}'; duration recorded as unknown")
        event = trigger(item)
        rule["trigger"] = (
            Fact(event, f"from {at}")
            if event
            else Fact(UNKNOWN, f"{at} does not say from when the period counts")
        )
        source = re.search(r"\(([^()]*§[^()]*)\)\s*$", item)
        # holte-ropa's own export puts the period in brackets before the notice's words
        description = re.sub(r"^\[[^\]]*\]\s*", "", item)
        if source:
            legal = legal_source(source.group(1))
            if legal:
                rule["legal_source"] = Fact(legal, f"from {at}")
                description = description[: description.rindex("(")].strip()
        rule["description"] = Fact(draft.text(description), f"from {at}")
        rules.append(rule)
    return rules
