"""Regenerate the notice's message template and bring every catalogue in step with it.

    python scripts/notice_messages.py        # after changing a sentence in the templates

1. ``pybabel extract`` (configured by ``babel.cfg``) writes
   ``holte_ropa/notice/locale/notice.pot``: every ``_()``/``pgettext`` message of the
   templates and every ``N_()`` message of the renderer.
2. Each ``holte_ropa/notice/locale/<lang>/LC_MESSAGES/notice.po`` is updated from it (new
   messages empty, removed ones obsolete), keeping its header dates, so a translator
   sees what to do; ``tests/notice/test_catalogues.py`` fails until none is empty, fuzzy or
   obsolete.

To add a language: ``pybabel init -D notice -i holte_ropa/notice/locale/notice.pot
-d holte_ropa/notice/locale -l <lang>``, translate, then run this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "holte_ropa" / "notice" / "locale"
POT = LOCALE / "notice.pot"


def extract() -> None:
    """Write the .pot deterministically: no header date, no line numbers, sorted."""
    CommandLineInterface().run(  # type: ignore[no-untyped-call]
        [
            "pybabel",
            "--quiet",
            "extract",
            "--mapping-file",
            str(ROOT / "babel.cfg"),
            "--keyword",
            "N_",
            "--omit-header",
            "--no-location",
            "--sort-output",
            "--no-wrap",
            "--output-file",
            str(POT),
            str(ROOT),
        ]
    )


def update(po_path: Path) -> None:
    """Merge the .pot into one catalogue, without fuzzy guesses, keeping its dates."""
    with POT.open("rb") as fh:
        template = read_po(fh)
    with po_path.open("rb") as fh:
        catalog = read_po(fh)
    created, revised = catalog.creation_date, catalog.revision_date
    catalog.update(template, no_fuzzy_matching=True)
    catalog.creation_date, catalog.revision_date = created, revised
    with po_path.open("wb") as fh:
        write_po(fh, catalog, width=0, sort_output=True, omit_header=False)


def main() -> int:
    extract()
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/notice.po")):
        update(po_path)
        print(f"updated {po_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
