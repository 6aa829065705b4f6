"""Generate synthetic registries of any size, shaped like a real one.

Usage: python -m benchmarks.synthetic N OUT_DIR

Activities are written ten to a file, with one party for every ten activities, so that
a 10,000-activity registry has 1,000 parties spread over 1,100 files.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

_ORG = Path(__file__).parents[1] / "tests" / "fixtures" / "minimal" / "organisation.yaml"
_PER_FILE = 10
_BASES = [
    "basis: consent\n          collection: {nb: Skjema, en: Form}\n"
    "          withdrawal: {nb: Lenke i e-post, en: Link in e-mail}\n"
    "          deleted_on_withdrawal: true",
    "basis: contract\n          contract: {nb: Kundeavtalen, en: The customer contract}",
    "basis: legitimate_interest\n          interest: {nb: Kundeoppfølging, en: Customer care}\n"
    "          balancing_test: {reference: LIA-{n}, date: 2025-03-01}\n"
    "          right_to_object: {nb: Send e-post, en: Send an e-mail}",
    "basis: legal_obligation\n          source: {statute: bokføringsloven, section: § 13}",
]
_COUNTRIES = ['"NO"', "SE", "DE", "IE", "US", "GB"]


def _activity(n: int, parties: int) -> str:
    p1, p2, p3 = n % parties, (n * 7 + 1) % parties, (n * 13 + 2) % parties
    basis_a = _BASES[n % 4].replace("{n}", str(n))
    basis_b = _BASES[(n + 1) % 4].replace("{n}", str(n))
    return f"""\
  - id: activity-{n}
    name: {{nb: Behandling {n}, en: Processing {n}}}
    description:
      {{nb: Vi behandler opplysninger for formål {n}., en: We process data for purpose {n}.}}
    role: {"processor" if n % 10 == 9 else "controller"}
{_processor_block(n)}    purposes:
      - id: main
        description: {{nb: Hovedformål, en: Main purpose}}
        legal_basis:
          {basis_a}
      - id: secondary
        description: {{nb: Tilleggsformål, en: Secondary purpose}}
        legal_basis:
          {basis_b}
    subject_categories: [customers, contacts, visitors]
    data_categories: [name, email, phone, company, history]
    sources:
      - kind: data_subject
        description: {{nb: Fra deg, en: From you}}
    recipients:
      processors: [party-{p1}, party-{p2}, party-{p3}]
    retention:
      - duration: {{years: 5}}
        trigger: end_of_contract
        action: delete_or_anonymise
        description: {{nb: Fem år etter avtaleslutt, en: Five years after the contract ends}}
      - categories: [history]
        duration: {{months: 6}}
        trigger: last_contact
        description: {{nb: Seks måneder, en: Six months}}
    security_measures: [access-control, encryption]
    dpia:
      criteria: [large_scale]
      status: not_required
    owner: Team {n % 17}
"""


def _processor_block(n: int) -> str:
    if n % 10 != 9:
        return ""
    return """\
    processor:
      controllers: {nb: Kunder, en: Customers}
      agreement: {nb: Databehandleravtalen, en: The data processing agreement}
      processing_categories:
        - {nb: Lagring, en: Storage}
"""


def _party(n: int) -> str:
    country = _COUNTRIES[n % len(_COUNTRIES)]
    mechanism = "\n        mechanism: {mechanism: dpf}" if country in ("US", "GB") else ""
    engaged = f"\n    engaged_by: party-{n - 1}" if n % 5 == 4 else ""
    role = "sub_processor" if engaged else "processor"
    return f"""\
  - id: party-{n}
    legal_name: Leverandør {n} AS
    trade_name: Leverandør {n}
    role: {role}
    service: {{nb: Drift av system {n}, en: Operates system {n}}}
    locations:
      - country: {country}{mechanism}
    dpa: {{reference: DPA-{n}, signed: 2024-01-01}}{engaged}
"""


_VOCABULARY = """\
data_categories:
  - {id: name, name: {nb: Navn, en: Name}}
  - {id: email, name: {nb: E-post, en: E-mail}}
  - {id: phone, name: {nb: Telefon, en: Phone}}
  - {id: company, name: {nb: Firma, en: Company}}
  - {id: history, name: {nb: Historikk, en: History}}
subject_categories:
  - {id: customers, name: {nb: Kunder, en: Customers}}
  - {id: contacts, name: {nb: Kontakter, en: Contacts}}
  - {id: visitors, name: {nb: Besøkende, en: Visitors}}
security_measures:
  - id: access-control
    name: {nb: Tilgangsstyring, en: Access control}
    description: {nb: Etter tjenstlig behov, en: By need}
  - {id: encryption, name: {nb: Kryptering, en: Encryption}, description: {nb: TLS, en: TLS}}
"""


def generate(activities: int, out: Path) -> Path:
    """Write a registry with ``activities`` activities into ``out`` (replacing it)."""
    if out.exists():
        shutil.rmtree(out)
    (out / "activities").mkdir(parents=True)
    (out / "parties").mkdir()
    shutil.copy(_ORG, out / "organisation.yaml")
    (out / "vocabulary.yaml").write_text(_VOCABULARY, encoding="utf-8")
    parties = max(1, activities // 10)
    for start in range(0, activities, _PER_FILE):
        body = "".join(
            _activity(n, parties) for n in range(start, min(start + _PER_FILE, activities))
        )
        (out / "activities" / f"batch-{start // _PER_FILE:05d}.yaml").write_text(
            "activities:\n" + body, encoding="utf-8"
        )
    for start in range(0, parties, _PER_FILE):
        body = "".join(_party(n) for n in range(start, min(start + _PER_FILE, parties)))
        (out / "parties" / f"batch-{start // _PER_FILE:05d}.yaml").write_text(
            "parties:\n" + body, encoding="utf-8"
        )
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m benchmarks.synthetic N OUT_DIR")
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
