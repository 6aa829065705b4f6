"""Temporary stand-in for holte_ropa.notice until that branch is merged; deleted then."""

from __future__ import annotations

from holte_ropa.registry import Registry


def notice_pages(registry: Registry) -> dict[str, str]:
    org = registry.organisation
    pages: dict[str, str] = {}
    for lang, prefix in (("nb", ""), ("en", "en/")):
        title = org.notice.title.get(lang) or org.notice.title.nb or ""
        pages[f"{prefix}index.md"] = f"# {title}\n\n## {org.legal_name}\n\nPlaceholder.\n"
    return pages
