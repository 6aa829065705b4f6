"""Whether the privacy notice may be published: the findings that keep it a draft.

GDPR Art. 13(1)-(2) and 14(1)-(2) list what people must be told (identity and contact,
the DPO, purposes and legal basis, legitimate interests, recipients, transfers and their
basis, retention, rights, withdrawal of consent, complaint, source). A rule whose finding
means one of those elements is unknown or contradicted says so in its metadata
(``blocks_publication=True``); this module knows no rule by id. A waiver accepts a
finding for CI, but a notice that lacks a required element is still incomplete, so
waived findings block publication too.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from holte_ropa.model._registry import Registry
from holte_ropa.report._findings import Finding
from holte_ropa.rules._catalogue import all_rules
from holte_ropa.rules._engine import check

__all__ = ["blocker_lines", "blocking_rule_ids", "publication_blockers"]


def blocking_rule_ids() -> frozenset[str]:
    """The ids of the rules whose findings keep the notice a draft."""
    return frozenset(r.id for r in all_rules() if r.blocks_publication)


def publication_blockers(
    registry: Registry,
    *,
    today: _dt.date | None = None,
    findings: Iterable[Finding] | None = None,
) -> tuple[Finding, ...]:
    """The findings, waived or not, that keep ``registry``'s notice from being published.

    ``findings`` are the results of a check already run (all rules); without them the
    check runs here, judged on ``today``. Sorted by file and position.
    """
    ids = blocking_rule_ids()
    found = check(registry, today=today) if findings is None else findings
    return tuple(sorted((f for f in found if f.rule in ids), key=lambda f: f.sort_key))


def blocker_lines(blockers: Iterable[Finding], lang: str = "en") -> list[str]:
    """One located line per blocker, ``file:line:column: RULE name: message``."""
    return [
        f"{f.file}:{f.line}:{f.column}: {f.rule} {f.name}: {f.text(lang)}"
        + (" [waived, still blocks publication]" if f.waived else "")
        for f in blockers
    ]
