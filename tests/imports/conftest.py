"""Fixtures for the import tests: the three spreadsheet layouts of issue 18."""

from __future__ import annotations

import pytest

from tests.imports._books import Rows

# An ICO-like controller template: a controller block, a grouped two-row header
# ("Mandatory" / "Useful additional"), lists in one cell, N/A and empty cells.
ICO: Rows = [
    ["Name and contact details of controller", "Acme Ltd"],
    ["Address", "1 High Street, Leeds, LS1 4AP, England"],
    ["Email", "privacy@acme.example"],
    ["Data protection officer", "Jane Doe, dpo@acme.example"],
    [],
    ["Mandatory", "", "", "", "", "", "", "Useful additional", "", ""],
    [
        "Business function",
        "Purpose of processing",
        "Categories of individuals",
        "Categories of personal data",
        "Categories of recipients",
        "Names of third countries or international organisations that personal data are "
        "transferred to (if applicable)",
        "Retention schedule (if possible)",
        "Article 6 lawful basis for processing personal data",
        "Legitimate interests for the processing (if applicable)",
        "Colour of the binder",
    ],
    [
        "Payroll",
        "Pay staff",
        "Employees",
        "Name, Bank details, Salary",
        "Payroll Bureau (processor); HMRC (public authority)",
        "N/A",
        "6 years after end of employment",
        "Art. 6(1)(c) legal obligation",
        "",
        "blue",
    ],
    [
        "Marketing",
        "Send newsletters",
        "Customers",
        "Name, Email",
        "Mailer Inc",
        "USA, India",
        "until consent is withdrawn",
        "Consent",
        "",
        "red",
    ],
    [
        "Analytics",
        "Measure the website",
        "Website visitors",
        "IP address",
        "None",
        "",
        "forever and a day",
        "because we can",
        "",
        "",
    ],
]

# A CNIL-like French registre: a list sheet and one "fiche" sheet per activity.
CNIL_LIST: Rows = [
    ["Registre des activités de traitement"],
    ["N°", "Nom du traitement", "Date de création", "Mise à jour"],
    ["1", "Gestion de la paie", "15/01/2026", "01/02/2026"],
    ["2", "Recrutement", "15/01/2026", ""],
]
CNIL_PAIE: Rows = [
    ["Fiche de registre"],
    ["Nom / sigle", "Gestion de la paie"],
    ["Finalité(s) du traitement effectué", "Verser les salaires"],
    ["Base légale", "Obligation légale (code du travail § L3243-2)"],
    ["Catégories de personnes concernées", "Salariés"],
    ["Catégories de données collectées", "Nom, Coordonnées bancaires"],
    ["Destinataires", "Expert-comptable (sous-traitant)"],
    ["Transferts des données hors UE", "Non applicable"],
    ["Durées de conservation", "5 ans"],
    ["Mesures de sécurité", "Contrôle d'accès, Chiffrement"],
]
CNIL_RECRUTEMENT: Rows = [
    ["Fiche de registre"],
    ["Nom / sigle", "Recrutement"],
    ["Finalité(s) du traitement effectué", "Sélectionner des candidats"],
    ["Base légale", "intérêt légitime"],
    ["Catégories de personnes concernées", "Candidats"],
    ["Catégories de données collectées", "Nom, CV"],
    ["Destinataires", "aucun"],
    ["Transferts des données hors UE", "États-Unis"],
    ["Durées de conservation", "deux ans après le dernier contact"],
    ["Mesures de sécurité", "Contrôle d'accès"],
]

# A Norwegian protokoll after Datatilsynet's template: the header on row 5.
NORWEGIAN: Rows = [
    ["Protokoll over behandlingsaktiviteter"],
    ["Behandlingsansvarlig", "Fjord AS"],
    ["Organisasjonsnummer", "923609016"],
    [],
    [
        "Behandlingsaktivitet",
        "Formål",
        "Behandlingsgrunnlag",
        "Kategorier av registrerte",
        "Kategorier av personopplysninger",
        "Mottakere",
        "Overføring til tredjeland",
        "Lagringstid",
        "Sikkerhetstiltak",
        "DPIA",
    ],
    [
        "Kundeoppfølging",
        "Følge opp kunder",
        "GDPR art. 6 nr. 1 bokstav b",
        "Kunder",
        "Navn; E-post",
        "Visma (databehandler)",
        "Storbritannia",
        "5 år etter avtaleslutt",
        "Tilgangsstyring",
        "ikke påkrevd",
    ],
    [
        "Regnskap",
        "Bokføring",
        "Rettslig forpliktelse: bokføringsloven § 13",
        "Kunder",
        "Navn",
        "Ingen",
        "",
        "fem år etter regnskapsårets slutt",
        "",
        "kanskje",
    ],
    [
        "Lønn",
        "Utbetale lønn",
        "rettslig forpliktelse",
        "Ansatte",
        "Navn; Kontonummer",
        "Visma (databehandler)",
        "ingen",
        "ukjent",
        "Tilgangsstyring",
        "gjennomført 15.01.2026",
    ],
]


@pytest.fixture
def cnil_sheets() -> dict[str, Rows]:
    return {"Liste": CNIL_LIST, "Paie": CNIL_PAIE, "Recrutement": CNIL_RECRUTEMENT}
