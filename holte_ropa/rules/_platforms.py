"""Which parties act as advertising platforms on the organisation's site.

A party is one when the record says so (``advertising_platform: true``) or when it
provides a third-party marketing cookie on the site: that cookie is how the platform
collects data for its own advertising (CJEU C-40/17 Fashion ID, paras 76-85).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from holte_ropa.model._parties import CookieCategory

if TYPE_CHECKING:
    from holte_ropa.model._parties import Party
    from holte_ropa.model._registry import Registry

__all__ = ["advertising_platforms", "marketing_cookie_providers"]


def marketing_cookie_providers(registry: Registry) -> dict[str, list[str]]:
    """Each party providing third-party marketing cookies, with those cookies' ids."""
    providers: dict[str, list[str]] = {}
    for cookie in registry.cookies.values():
        if not cookie.first_party and cookie.category is CookieCategory.MARKETING:
            providers.setdefault(cookie.provider, []).append(cookie.id)
    return providers


def advertising_platforms(registry: Registry) -> dict[str, Party]:
    """The parties flagged as advertising platforms or providing third-party marketing
    cookies, in the registry's order."""
    providers = marketing_cookie_providers(registry)
    return {
        party_id: party
        for party_id, party in registry.parties.items()
        if party.advertising_platform or party_id in providers
    }
