"""One page per compliance rule, generated from the rule metadata kept in code.

Like ruff's rule pages: the text a finding points to is written once, next to the
check, so the docs can never drift from what the linter actually does. Rule metadata is
English; the bokmål index says so and links to each English page.
"""

from __future__ import annotations

from typing import Protocol

from holte_ropa.site import _markdown as md

__all__ = ["RuleDoc", "rule_pages"]


class RuleDoc(Protocol):
    """What a rule page needs from a rule (``holte_ropa.rules.Rule`` has it)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def references(self) -> tuple[str, ...]: ...
    @property
    def summary(self) -> str: ...
    @property
    def rationale(self) -> str: ...
    @property
    def fix(self) -> str: ...
    @property
    def bad(self) -> str: ...
    @property
    def good(self) -> str: ...
    @property
    def judgement(self) -> bool: ...


_SEVERITY_NB = {"error": "feil", "warning": "advarsel", "info": "informasjon"}


def rule_pages(rules: list[RuleDoc]) -> dict[str, str]:
    """English pages under en/rules/ and a bokmål index under rules/."""
    if not rules:
        return {}
    pages = {f"en/rules/{r.id}.md": _rule_page(r) for r in rules}
    pages["en/rules/index.md"] = _index_en(rules)
    pages["rules/index.md"] = _index_nb(rules)
    return pages


def _fence(code: str) -> str:
    longest = max((len(run) for run in code.split("\n") if set(run) == {"`"}), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks} yaml\n{code.rstrip()}\n{ticks}"


def _rule_page(rule: RuleDoc) -> str:
    severity = str(rule.severity)
    kind = "judgement (explained warning)" if rule.judgement else "strict"
    refs = "\n".join(f"- {md.text(ref)}" for ref in rule.references)
    return "\n".join(
        [
            f"# {rule.id} {rule.name}",
            "",
            rule.summary,
            "",
            f"- Severity: {severity}",
            f"- Kind: {kind}",
            "",
            "## Legal references",
            "",
            refs,
            "",
            "## Why it matters",
            "",
            rule.rationale,
            "",
            "## How to fix it",
            "",
            rule.fix,
            "",
            "## Example that breaks the rule",
            "",
            "The line marked `# <-` is the one the finding points to.",
            "",
            _fence(rule.bad),
            "",
            "## The same example, fixed",
            "",
            _fence(rule.good),
            "",
        ]
    )


def _index_en(rules: list[RuleDoc]) -> str:
    items = [f"- [{r.id} {r.name}]({r.id}.md) ({r.severity}): {r.summary}" for r in rules]
    return "\n".join(
        [
            "# Compliance rules",
            "",
            "Before the site is published, the record of processing activities is checked "
            "against these rules. A finding that is an error stops publication until it is "
            "fixed or a waiver with a reason, an approver and an expiry date accepts it.",
            "",
            *items,
            "",
        ]
    )


def _index_nb(rules: list[RuleDoc]) -> str:
    items = [
        f"- [{r.id} {r.name}](../en/rules/{r.id}.md){{ hreflang=en lang=en }} "
        f"({_SEVERITY_NB.get(str(r.severity), str(r.severity))})"
        for r in rules
    ]
    return "\n".join(
        [
            "# Regler for protokollen",
            "",
            "Før nettstedet publiseres, sjekkes protokollen over behandlingsaktiviteter mot "
            "disse reglene. Et funn som er en feil, stopper publiseringen til det er rettet "
            "eller godtatt midlertidig med begrunnelse, godkjenner og utløpsdato. Hver regel "
            "er beskrevet på engelsk.",
            "",
            *items,
            "",
        ]
    )
