"""Located problems: what goes wrong while reading a registry, and where."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Position", "Problem", "RegistryError"]


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A place in a registry file; line and column count from 1, 0 when unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """Something that makes the registry unusable, with where it is and what to do."""

    position: Position
    category: str
    """yaml, encoding, text, schema, reference or io."""
    message: str
    entity: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{self.position}: error[{self.category}]: {self.message}"

    def as_json(self) -> dict[str, object]:
        """The finding shape of the JSON contract in design.md."""
        return {
            "rule": self.category,
            "name": f"{self.category}-error",
            "severity": "error",
            "message": self.message,
            "file": self.position.file,
            "line": self.position.line,
            "column": self.position.column,
            "entity": self.entity,
            "waived": False,
        }


class RegistryError(Exception):
    """The registry cannot be used; carries every located problem found in one run."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        count = len(self.problems)
        head = "\n".join(str(p) for p in self.problems[:20])
        more = f"\n... and {count - 20} more" if count > 20 else ""
        super().__init__(f"{count} problem(s) in the registry:\n{head}{more}")
