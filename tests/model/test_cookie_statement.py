"""What a registry says about cookies: a list, ``none``, ``unknown``, or nothing.

Absent and empty are different: no ``cookies:`` in any file means the record does not say
(rule R60 reports it), and only ``cookies: none`` states that the website sets none.
"""

from __future__ import annotations

import pytest

from holte_ropa import RegistryError, load_registry
from tests.conftest import MakeRegistry

COOKIE = """\
cookies:
  - id: session
    name: sid
    provider: acme
    first_party: true
    purpose: {nb: Holde deg innlogget, en: Keep you logged in}
    category: strictly_necessary
    lifetime: session
    consent_before_set: false
    activity: website
activities:
  - id: website
    name: {nb: Nettsiden, en: The website}
    description: {nb: Vi driver nettsiden., en: We run the website.}
    role: controller
    recipients: none
"""


@pytest.mark.parametrize(
    ("files", "stated"),
    [
        ({}, "pending"),
        ({"cookies.yaml": "cookies: unknown\n"}, "pending"),
        ({"cookies.yaml": "cookies: none\n"}, "none"),
        ({"cookies.yaml": COOKIE}, "listed"),
    ],
    ids=["absent", "unknown", "none", "a list"],
)
def test_the_registry_tells_a_denial_from_silence(
    make_registry: MakeRegistry, files: dict[str, str | bytes], stated: str
) -> None:
    registry = load_registry(make_registry(files))
    assert registry.cookies_stated == stated
    assert registry == load_registry(make_registry({"dump.json": registry.to_json()}))


def test_saying_none_in_one_file_and_listing_cookies_in_another_is_a_located_problem(
    make_registry: MakeRegistry,
) -> None:
    path = make_registry({"a.yaml": COOKIE, "b.yaml": "cookies: none\n"})
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    assert [str(p) for p in caught.value.problems] == [
        "registry/b.yaml:1:10: error[reference]: 'cookies:' here is 'cookies: none', but "
        "cookies are listed at registry/a.yaml:2:5; say it once: list the cookies, or write "
        "none or unknown in one file"
    ]


def test_saying_unknown_twice_is_a_located_problem(make_registry: MakeRegistry) -> None:
    path = make_registry({"a.yaml": "cookies: unknown\n", "b.yaml": "cookies: none\n"})
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    assert [str(p) for p in caught.value.problems] == [
        "registry/b.yaml:1:10: error[reference]: 'cookies:' here is 'cookies: none', but "
        "'cookies: unknown' is written at registry/a.yaml:1:10; say it once: list the "
        "cookies, or write none or unknown in one file"
    ]
