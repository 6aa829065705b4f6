"""Building blocks for rule examples that must contain the whole organisation.

Most examples get the minimal organisation added by the test, but a rule that finds
something in the organisation itself has to show it; this keeps those examples short.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["RIGHTS", "organisation"]

RIGHTS = "    applicable: [access, rectification, erasure, restriction, objection, complaint]"

_TEMPLATE = """\
organisation:
  id: acme{id_mark}
  legal_name: Acme AS
  org_number: "923609016"
  postal_address: {{lines: [Postboks 1], postal_code: "0150", city: Oslo}}
  email: post@acme.no
  website: https://acme.no
  privacy_contact: personvern@acme.no
  dpo: {{appointed: false, reason_none: {{nb: Ikke påkrevd., en: Not required.}}}}
  supervisory_authority:
    name: {{nb: Datatilsynet, en: The Norwegian Data Protection Authority}}
    website: https://www.datatilsynet.no
  notice:
    title: {{nb: Personvernerklæring, en: Privacy notice}}
    version: "1.0"
    last_changed: 2026-01-15
    change_announcement: {{nb: Vi varsler på nettsiden., en: We announce it on the website.}}
  rights:
{rights}
    how_to_exercise: {{nb: Send e-post til personvern@acme.no., en: E-mail personvern@acme.no.}}
    response_time: {{nb: Innen én måned., en: Within one month.}}
  security_summary: {{nb: Vi bruker TLS., en: We use TLS.}}
  complaints: {{nb: Du kan klage til Datatilsynet., en: You may complain to Datatilsynet.}}
"""


def organisation(
    *,
    id_mark: str = "",
    rights: str = RIGHTS,
    extra: str = "",
    fields: Mapping[str, str] | None = None,
) -> str:
    """A complete, valid organisation section.

    ``extra`` adds indented fields at its end; ``fields`` replaces the value of one-line
    fields, e.g. ``{"legal_name": "TBD  # <-"}``.
    """
    text = _TEMPLATE.format(id_mark=id_mark, rights=rights)
    for name, value in (fields or {}).items():
        text, count = re.subn(rf"(?m)^  {name}: .*$", f"  {name}: {value}", text)
        if count != 1:
            raise ValueError(f"the example organisation has no one-line field {name!r}")
    return text + extra
