"""Write registry YAML with a comment beside each fact naming its source.

PyYAML cannot write comments, and the comments are the point: every imported fact says
which cell or line it came from, so a reviewer can check it against the original. The
subset written here (block mappings and sequences of strings, numbers and booleans) is
plain YAML 1.2 that the strict loader reads back.
"""

from __future__ import annotations

import json
import re
from typing import Any

from holte_ropa.imports._notes import Fact

__all__ = ["dump_yaml"]

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _./@()'+-]*")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if (
        _PLAIN.fullmatch(text)
        and text.lower() not in _RESERVED
        and not text.endswith(" ")
        and "  " not in text
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str | None) -> str:
    return "" if not text else "  # " + " ".join(text.split())


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, raw in value.items():
            item, comment = (raw.value, raw.comment) if isinstance(raw, Fact) else (raw, None)
            if isinstance(item, dict | list | tuple) and item:
                if comment:
                    out.append(f"{pad}# {' '.join(comment.split())}")
                out.append(f"{pad}{key}:")
                _emit(item, indent + 2, out)
            elif isinstance(item, dict):
                out.append(f"{pad}{key}: {{}}{_comment(comment)}")
            elif isinstance(item, list | tuple):
                out.append(f"{pad}{key}: []{_comment(comment)}")
            else:
                out.append(f"{pad}{key}: {_scalar(item)}{_comment(comment)}")
        return
    for raw in value:
        item, comment = (raw.value, raw.comment) if isinstance(raw, Fact) else (raw, None)
        if isinstance(item, dict) and item:
            if comment:
                out.append(f"{pad}# {' '.join(comment.split())}")
            lines: list[str] = []
            _emit(item, indent + 2, lines)
            first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
            lines[first] = f"{pad}- {lines[first].lstrip()}"
            out.extend(lines)
        else:
            out.append(f"{pad}- {_scalar(item)}{_comment(comment)}")


def dump_yaml(document: dict[str, Any], header: list[str]) -> str:
    """``document`` as YAML text, ``header`` lines as comments on top; ends with a newline."""
    out = [f"# {line}" if line else "#" for line in header]
    _emit(document, 0, out)
    return "\n".join(out) + "\n"
