"""Which field of a YAML document holds a character: for messages that name the field.

The node tree keeps every node's start and end index in the file, so a position in the
text maps to the dotted field it belongs to (``service.nb``; a language names no field
of its own).
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

__all__ = ["child_field", "field_in"]


def field_in(node: Node, index: int, field: str | None) -> str | None:
    if not node.start_mark.index <= index < max(node.end_mark.index, node.start_mark.index + 1):
        return None
    if isinstance(node, MappingNode):
        for key, value in node.value:
            name = str(key.value) if isinstance(key, ScalarNode) else field
            if key.start_mark.index <= index < key.end_mark.index:
                return "a key"
            found = field_in(value, index, child_field(field, name))
            if found is not None:
                return found
        return field
    if isinstance(node, SequenceNode):
        for child in node.value:
            found = field_in(child, index, field)
            if found is not None:
                return found
    return field


def child_field(field: str | None, name: str | None) -> str | None:
    """``description`` + ``nb`` -> ``description.nb``: a language names no field of its own."""
    if name in ("nb", "en") and field:
        return f"{field}.{name}"
    return name
