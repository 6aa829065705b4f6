"""Writing exports that may be binary (PNG, PDF, xlsx) to a file or to stdout."""

from __future__ import annotations

import sys
from pathlib import Path

from holte_ropa.commands._common import EXIT_CLEAN, EXIT_UNUSABLE


def write_bytes(data: bytes, output: str | None, *, binary: bool) -> int:
    """Write to ``output`` or stdout; binary data never goes to a terminal."""
    if output is None or output == "-":
        if binary and sys.stdout.isatty():
            print(
                "holte-ropa: this format is binary; give -o FILE or redirect stdout",
                file=sys.stderr,
            )
            return EXIT_UNUSABLE
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_CLEAN
    # Missing folders are created, as `mkdir -p` would (build scripts write into fresh
    # trees); a path that cannot be written is said, with the system's reason.
    target = Path(output)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"holte-ropa: cannot write {output}: {reason}", file=sys.stderr)
        return EXIT_UNUSABLE
    return EXIT_CLEAN
