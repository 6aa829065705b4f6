"""What an import reports: located warnings, located fatal problems, and sourced facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Fact", "ImportNote", "ImportSourceError"]


@dataclass(frozen=True, slots=True, order=True)
class ImportNote:
    """A value the importer could not map, located at its source.

    ``where`` is a spreadsheet cell (``ropa.xlsx:Sheet1!D7``), a CSV position
    (``ropa.csv:7:4``) or a YAML position (``systems.yml:12:5``).
    """

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: warning[import]: {self.message}"


class ImportSourceError(Exception):
    """The file cannot be imported at all (exit 2); the message is located."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: error[import]: {message}")


@dataclass(frozen=True, slots=True)
class Fact:
    """A value to write with a comment naming where it came from (or why it is unknown)."""

    value: Any
    comment: str | None = None
