"""A small registry for breach tests: a clinic's patient records at a hosting processor,
with special category data, identity numbers, a vulnerable group, volume estimates and a
processor activity."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MakeRegistry

CLINIC = """\
data_categories:
  - {id: name, name: {nb: Navn, en: Name}}
  - {id: health, kind: special, name: {nb: Helseopplysninger, en: Health data}}
  - {id: national-id, kind: national_id, name: {nb: Fødselsnummer, en: National identity number}}
  - {id: customer-files, name: {nb: Kundefiler, en: Customer files}}
subject_categories:
  - {id: patients, name: {nb: Pasienter, en: Patients}, vulnerable: true}
  - {id: customer-staff, name: {nb: Kundenes ansatte, en: Customers' staff}}
security_measures:
  - {id: tls, name: {nb: Kryptering, en: Encryption}, description: {nb: TLS 1.3., en: TLS 1.3.}}
  - id: backups
    public: false
    name: {nb: Sikkerhetskopier, en: Backups}
    description: {nb: Daglige kopier., en: Daily copies.}
activities:
  - id: patient-records
    name: {nb: Pasientjournal, en: Patient records}
    description: {nb: Vi fører journal., en: We keep records.}
    role: controller
    subject_categories: [patients]
    data_categories: [name, health, national-id]
    recipients: {processors: [host]}
    security_measures: [tls, backups]
    volume: {subjects: 1200, records: 30000}
  - id: customer-hosting
    name: {nb: Drift for kunder, en: Hosting for customers}
    description: {nb: Vi drifter kundenes filer., en: We host customers' files.}
    role: processor
    processor:
      controllers: {nb: Kundene våre., en: Our customers.}
      agreement: {nb: Databehandleravtalen., en: The data processing agreement.}
      processing_categories: [{nb: Lagring., en: Storage.}]
    subject_categories: [customer-staff]
    data_categories: [customer-files]
    recipients: {processors: [host]}
    security_measures: [tls]
    volume: {subjects: unknown, records: unknown}
parties:
  - id: host
    legal_name: Host AS
    trade_name: Host
    role: processor
    service: {nb: Drift., en: Hosting.}
    locations: [{country: "NO"}, {country: SE}]
  - id: backup-us
    legal_name: Backup Inc.
    trade_name: BackupCo
    role: sub_processor
    engaged_by: host
    service: {nb: Sikkerhetskopi., en: Backup.}
    locations: [{country: US, mechanism: {mechanism: scc, module: 3}}]
"""


@pytest.fixture
def clinic(make_registry: MakeRegistry) -> Path:
    """The clinic registry folder (with the minimal organisation), as ``registry``."""
    return make_registry({"clinic.yaml": CLINIC})
