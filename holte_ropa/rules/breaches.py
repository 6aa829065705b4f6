"""The breach log: every breach documented and closed (GDPR Art. 33(5), 33(1), 34)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from holte_ropa.model._unknown import is_unknown
from holte_ropa.report._findings import Severity
from holte_ropa.rules._framework import Context, Hit, rule
from holte_ropa.terms import Words, cite

if TYPE_CHECKING:
    from holte_ropa.model._models import Breach
    from holte_ropa.model._registry import Registry

_PARTS: tuple[tuple[str, Words], ...] = (
    ("facts", Words(nb="fakta", en="the facts")),
    ("effects", Words(nb="virkningene", en="the effects")),
    ("remedial_action", Words(nb="tiltakene", en="the remedial action")),
)
_TOLD: tuple[tuple[str, Words], ...] = (
    (
        "authority",
        Words(
            nb="om tilsynsmyndigheten er varslet",
            en="whether the supervisory authority was notified",
        ),
    ),
    (
        "controllers",
        Words(
            nb="om de behandlingsansvarlige er varslet",
            en="whether the controllers were told",
        ),
    ),
    (
        "data_subjects",
        Words(nb="om de registrerte er varslet", en="whether the data subjects were told"),
    ),
)


@rule(
    id="R50",
    name="breach-open",
    severity=Severity.WARNING,
    references=("GDPR Art. 33(5)", "GDPR Art. 33(1)", "GDPR Art. 34(1)"),
    summary="A breach in the log is still open, or closed without its Art. 33(5) documentation.",
    rationale=(
        "Art. 33(5) requires the controller to document every personal data breach: the "
        "facts, its effects and the remedial action taken, so that the supervisory "
        "authority can verify compliance with Art. 33. A breach that stays open may also "
        "be one whose notification (72 hours, Art. 33(1)) or communication to the data "
        "subjects (Art. 34(1)) is still pending, so the check keeps it in sight until "
        "someone closes it."
    ),
    fix=(
        "Fill in `facts`, `effects` and `remedial_action`, record whether and when the "
        "supervisory authority (`authority`), the controllers and the data subjects were "
        "told, and set `closed:` to the day the breach was handled. An error once the 72 "
        "hours have passed with no notification and no reason for the delay recorded."
    ),
    bad="""\
data_categories:
  - {id: email, name: {nb: E-postadresse, en: E-mail address}}
breaches:
  - id: mailer-key-leak  # <-
    discovered: "2026-11-02T09:30:00+01:00"
    targets: [email]
    facts: Mailer reported that an API key with read access was exposed for two hours.
    effects: unknown
    remedial_action: The key was revoked on 2026-11-02.
    authority: {notified: true, at: "2026-11-03T10:00:00+01:00"}
""",
    good="""\
data_categories:
  - {id: email, name: {nb: E-postadresse, en: E-mail address}}
breaches:
  - id: mailer-key-leak
    discovered: "2026-11-02T09:30:00+01:00"
    targets: [email]
    facts: Mailer reported that an API key with read access was exposed for two hours.
    effects: No access with the key was found in Mailer's logs.
    remedial_action: The key was revoked on 2026-11-02.
    authority:
      notified: false
      reason: Unlikely to result in a risk; assessed by the privacy officer.
    closed: 2026-11-04
""",
)
def breach_open(registry: Registry, context: Context) -> Iterator[Hit]:
    for breach in registry.breaches.values():
        missing_en, missing_nb = _missing(breach)
        if breach.closed is not None and not missing_en:
            continue
        aware = breach.discovered.isoformat()
        if breach.closed is None:
            en = f"the breach '{breach.id}' (aware since {aware}) is still open"
            nb = f"bruddet '{breach.id}' (kjent siden {aware}) er fortsatt åpent"
        else:
            en = f"the breach '{breach.id}' was closed on {breach.closed.isoformat()}"
            nb = f"bruddet '{breach.id}' ble lukket {breach.closed.isoformat()}"
        if missing_en:
            en += f"; not yet recorded: {', '.join(missing_en)}"
            nb += f"; ikke registrert ennå: {', '.join(missing_nb)}"
        late = _late(registry, breach, context)
        if late:
            en += f"; the 72 hours of {cite('en', 33, 1)} ended {late}: give the reasons for "
            en += "the delay"
            nb += (
                f"; fristen på 72 timer i {cite('nb', 33, 1)} gikk ut {late}: begrunn forsinkelsen"
            )
        if breach.closed is None:
            en += "; close it with `closed:` once handled"
            nb += "; lukk det med `closed:` når det er håndtert"
        # A missed Art. 33(1) deadline with nothing recorded is a breach of the law itself.
        yield Hit(breach.id, (), Words(nb=nb, en=en), Severity.ERROR if late else None)


def _missing(breach: Breach) -> tuple[list[str], list[str]]:
    """What Art. 33(5) asks for that the entry still says is unknown, in English and bokmål."""
    missing: list[Words] = []
    for name, words in _PARTS:
        if is_unknown(getattr(breach, name)):
            missing.append(words)
    for name, words in _TOLD:
        value = getattr(breach, name)
        if value is not None and (is_unknown(value) or is_unknown(value.notified)):
            missing.append(words)
    return [w.en for w in missing], [w.nb for w in missing]


def _late(registry: Registry, breach: Breach, context: Context) -> str | None:
    """The Art. 33(1) deadline, when it passed with no notification or reason recorded."""
    from holte_ropa.breach._deadline import deadline

    authority = breach.authority
    if authority is None:
        return None
    due = deadline(breach.discovered, registry.organisation.time_zone).due
    if is_unknown(authority) or is_unknown(authority.notified):
        return due.isoformat() if due.date() < context.today else None
    late_notice = authority.notified is True and authority.at is not None and authority.at > due
    return due.isoformat() if late_notice and not authority.reason else None
