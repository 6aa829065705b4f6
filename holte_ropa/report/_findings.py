"""Findings: what a compliance rule says about one place in the registry."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

from holte_ropa.terms import Words

__all__ = ["Finding", "Severity"]


class Severity(StrEnum):
    """How bad a finding is; ``--fail-on`` compares by rank."""

    ERROR = "error"
    """The record or notice breaks a legal requirement or is inconsistent."""
    WARNING = "warning"
    """A probable problem or a judgement call, explained."""
    INFO = "info"
    """Good practice."""

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Finding(BaseModel):
    """One rule's verdict on one entity or field, with where to fix it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    """Rule id, e.g. "R10"."""
    name: str
    """Rule name in kebab case, e.g. "purpose-without-legal-basis"."""
    severity: Severity
    words: Words
    """The message in every language; ``message`` and ``text(lang)`` read it."""
    file: str
    line: int
    column: int
    entity: str | None = None
    waived: bool = False
    waiver_reason: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_messages(cls, data: Any) -> Any:
        # Findings were built with ``message`` (English) and ``message_nb`` before ``words``
        # held both; that spelling keeps working for code written against it.
        if isinstance(data, dict) and "words" not in data and "message" in data:
            data = dict(data)
            data["words"] = Words(en=data.pop("message"), nb=data.pop("message_nb", None))
        return data

    @property
    def message(self) -> str:
        """The English message (the JSON contract's ``message`` under ``--lang en``)."""
        return self.words.en

    @property
    def message_nb(self) -> str:
        """The bokmål message (the JSON contract's ``message`` under ``--lang nb``)."""
        return self.words.nb

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (nb or en; any other language reads English)."""
        return self.words.get(lang)

    def as_json(self, lang: str = "en") -> dict[str, object]:
        """The JSON finding contract: rule, name, severity, message, location, waived."""
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.text(lang),
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "entity": self.entity,
            "waived": self.waived,
        }

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)
