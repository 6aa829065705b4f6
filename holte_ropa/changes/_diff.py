"""Semantic diff of two registries: what changed in meaning, and who must be told.

Git keeps every version of the registry, but a textual diff answers the wrong question:
moving an activity to another file or reordering keys changes the text and nothing else.
This module compares the *models*, entity by entity and matched by id, so only changes
in meaning are reported, and it classifies each one by who must hear of it:

* data subjects, when the published notice changes (the notice promises to announce
  changes; GDPR Art. 12-14),
* customers, when processing done on their behalf changes, above all sub-processors
  (GDPR Art. 28(2): tell controllers before adding or replacing one, so they can object),
* internal only, for fields the schema marks ``x-internal`` and unpublished entities.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from holte_ropa.changes._canon import (
    _REFERENCES,
    _canon,
    _Delta,
    _dump,
    _is_text,
    _plain,
    _public,
    _walk,
)
from holte_ropa.changes._change import Audience, Change, ChangeKind
from holte_ropa.changes._values import (
    _as_set,
    _bare,
    _by_country,
    _countries,
    _countries_label,
    _Customers,
    _group_field,
    _recipient_set,
)
from holte_ropa.changes._wording import (
    Bilingual,
    basis_label,
    country_label,
    duration_label,
    field_label,
    group_label,
    join,
    mechanism_label,
    mid_sentence,
    public_summary,
    same,
    summary,
)
from holte_ropa.model._models import UNKNOWN, Cookie, Party
from holte_ropa.model._registry import EntityKind, Registry

__all__ = ["Audience", "Bilingual", "Change", "ChangeKind", "diff"]


def diff(old: Registry, new: Registry) -> list[Change]:
    """Every change in meaning from ``old`` to ``new``, in a stable order.

    Entities are matched by id, so moving, splitting, reordering or writing out a default
    is no change. Each :class:`Change` has a kind, the entity, who must be told (data
    subjects under GDPR Art. 12-14, customers under Art. 28(2), or internal only) and a
    summary in both languages; an empty list when nothing changed in meaning.
    """
    return _Differ(old, new).changes()


_COOKIE_CATEGORIES = {
    "strictly_necessary": Bilingual(nb="strengt nødvendig", en="strictly necessary"),
    "preferences": Bilingual(nb="innstillinger", en="preferences"),
    "statistics": Bilingual(nb="statistikk", en="statistics"),
    "marketing": Bilingual(nb="markedsføring", en="marketing"),
}
"""A cookie's category in the words of the cookies page's headings."""


# --------------------------------------------------------------------------- the differ

_SECTIONS: tuple[tuple[EntityKind, str], ...] = (
    ("activity", "activities"),
    ("party", "parties"),
    ("data_category", "data_categories"),
    ("subject_category", "subject_categories"),
    ("security_measure", "security_measures"),
    ("cookie", "cookies"),
)
_ADDED: dict[str, ChangeKind] = {
    "activity": ChangeKind.ACTIVITY_ADDED,
    "cookie": ChangeKind.COOKIE_ADDED,
}
_REMOVED: dict[str, ChangeKind] = {
    "activity": ChangeKind.ACTIVITY_REMOVED,
    "cookie": ChangeKind.COOKIE_REMOVED,
}
_INTERNAL_ONLY = (Audience.INTERNAL,)


class _Differ:
    def __init__(self, old: Registry, new: Registry) -> None:
        self.old = old
        self.new = new
        self.customers_old = _Customers.of(old)
        self.customers_new = _Customers.of(new)
        self.added_parties = new.parties.keys() - old.parties.keys()
        self.removed_parties = old.parties.keys() - new.parties.keys()

    def changes(self) -> list[Change]:
        found = self._compare(
            "organisation",
            self.new.organisation.id,
            _dump(self.old.organisation),
            _dump(self.new.organisation),
        )
        for kind, section in _SECTIONS:
            old_table: dict[str, BaseModel] = getattr(self.old, section)
            new_table: dict[str, BaseModel] = getattr(self.new, section)
            if kind == "party":
                found += self._parties()
                continue
            for eid in sorted(old_table.keys() | new_table.keys()):
                if eid not in new_table:
                    found.append(self._removed(kind, eid))
                elif eid not in old_table:
                    found.append(self._added(kind, eid))
                else:
                    found += self._compare(kind, eid, _dump(old_table[eid]), _dump(new_table[eid]))
        found += self._waivers()
        return found

    # ------------------------------------------------------------------ labels

    def _label(self, kind: str, eid: str) -> Bilingual:
        for registry in (self.new, self.old):
            entity = registry.get(eid)
            actual = registry.kind_of(eid)
            if entity is None or kind not in (actual, "any"):
                continue
            if isinstance(entity, Party):
                return _party_name(entity)
            name = getattr(entity, "name", None)
            if actual in ("party", "organisation"):
                name = getattr(entity, "trade_name", None) or getattr(entity, "legal_name", None)
            if isinstance(name, BaseModel):
                nb, en = getattr(name, "nb", None), getattr(name, "en", None)
                return Bilingual(nb=nb or en or eid, en=en or nb or eid)
            if isinstance(name, str):
                return same(name)
            if isinstance(entity, Cookie):  # its name not yet known: never the internal id
                return self._unnamed_cookie(entity)
        return same(eid)

    def _unnamed_cookie(self, cookie: Cookie) -> Bilingual:
        """A cookie whose name the record leaves unknown, as the cookies page shows it:
        its provider and category ("Facebook – markedsføring")."""
        provider = self._label("any", cookie.provider)
        category = _COOKIE_CATEGORIES.get(cookie.category.value, same(cookie.category.value))
        return Bilingual(nb=f"{provider.nb} – {category.nb}", en=f"{provider.en} – {category.en}")

    def _value(self, field: str, value: Any) -> Bilingual:
        """A value as people read it: texts in their language, ids as names."""
        if value is None:
            return Bilingual(nb="ingenting", en="nothing")
        if value == UNKNOWN.value:  # values here are dumped: the marker is its word
            return Bilingual(nb="ikke avklart", en="not yet confirmed")
        if _is_text(value):
            nb, en = value.get("nb"), value.get("en")
            return Bilingual(nb=f"«{nb or en}»", en=f"“{en or nb}”")
        if isinstance(value, list):
            return join([self._value(field, v) for v in value])
        if isinstance(value, str) and field.rsplit(".", 1)[-1] in _REFERENCES:
            return self._label("any", value)
        if isinstance(value, bool):
            return Bilingual(nb="ja" if value else "nei", en="yes" if value else "no")
        if isinstance(value, dict):
            for key in ("text", "name", "description", "summary"):
                if _is_text(value.get(key)):
                    return self._value(key, value[key])
            if set(value) <= {"years", "months", "days"}:
                return duration_label(value)
            return self._fields(_public(value))
        return same(str(value))

    def _fields(self, value: dict[str, Any]) -> Bilingual:
        """A small record as "label: value; label: value", leaving out empty fields."""
        parts = [
            (field_label(key), self._value(key, item))
            for key, item in value.items()
            if item not in (None, [], {})
        ]
        return Bilingual(
            nb="; ".join(f"{k.nb}: {v.nb}" for k, v in parts),
            en="; ".join(f"{k.en}: {v.en}" for k, v in parts),
        )

    def _where(self, eid: str, *path: str, old: bool = False) -> str:
        registry = self.old if old else self.new
        return str(registry.locate(eid, *path[:1]))

    # ------------------------------------------------------------------ audiences

    def _audience(self, kind: str, eid: str) -> tuple[Audience, ...]:
        if not self._published(kind, eid):
            return _INTERNAL_ONLY
        found: list[Audience] = [Audience.DATA_SUBJECTS]
        if self.customers_old.serves(kind, eid) or self.customers_new.serves(kind, eid):
            found.append(Audience.CUSTOMERS)
        return tuple(found)

    def _published(self, kind: str, eid: str) -> bool:
        """Whether the entity appears in the notice; measures may be kept out of it."""
        if kind == "security_measure":
            return any(
                eid in r.security_measures and r.security_measures[eid].public
                for r in (self.old, self.new)
            )
        return True

    # ------------------------------------------------------------------ whole entities

    def _added(self, kind: EntityKind, eid: str) -> Change:
        entity = self.new.get(eid)
        change_kind = _ADDED.get(kind, ChangeKind.DEFINITION_ADDED)
        audience = self._audience(kind, eid)
        extra: dict[str, Bilingual] = {}
        if kind == "cookie":
            cookie = self.new.cookies[eid]
            extra = {
                "item": self._label("any", cookie.provider),
                "extra": self._value("category", cookie.category.value),
            }
        elif change_kind is ChangeKind.DEFINITION_ADDED:
            audience = _INTERNAL_ONLY
        return Change(
            kind=change_kind,
            entity_kind=kind,
            entity_id=eid,
            audience=audience,
            after=_public(_dump(entity)),
            summary=summary(change_kind, entity=self._label(kind, eid), **extra),
            public=_for_people(audience, change_kind, entity=self._label(kind, eid), **extra),
            location=self._where(eid),
        )

    def _removed(self, kind: EntityKind, eid: str, change_kind: ChangeKind | None = None) -> Change:
        change_kind = change_kind or _REMOVED.get(kind, ChangeKind.DEFINITION_REMOVED)
        audience = self._audience(kind, eid)
        if change_kind is ChangeKind.DEFINITION_REMOVED:
            audience = _INTERNAL_ONLY
        return Change(
            kind=change_kind,
            entity_kind=kind,
            entity_id=eid,
            audience=audience,
            before=_public(_dump(self.old.get(eid))),
            summary=summary(change_kind, entity=self._label(kind, eid)),
            public=_for_people(audience, change_kind, entity=self._label(kind, eid)),
            location=self._where(eid, old=True),
        )

    def _parties(self) -> list[Change]:
        replaced = self._replacements()
        found: list[Change] = []
        for eid in sorted(self.old.parties.keys() | self.new.parties.keys()):
            if eid in self.removed_parties:
                if eid in replaced.values():
                    continue
                serves = self.customers_old.serves("party", eid)
                kind = ChangeKind.SUB_PROCESSOR_REMOVED if serves else ChangeKind.PARTY_REMOVED
                found.append(self._removed("party", eid, kind))
            elif eid in self.added_parties:
                found.append(self._party_added(eid, replaced.get(eid)))
            else:
                found += self._compare(
                    "party", eid, _dump(self.old.parties[eid]), _dump(self.new.parties[eid])
                )
        return found

    def _replacements(self) -> dict[str, str]:
        """Added sub-processor -> the removed one it takes over from (same work, same data)."""
        free = sorted(r for r in self.removed_parties if self.customers_old.serves("party", r))
        pairs: dict[str, str] = {}
        for eid in sorted(self.added_parties):
            if not self.customers_new.serves("party", eid):
                continue
            party = self.new.parties[eid]
            uses = self.customers_new.activities(eid)
            for gone in free:
                before = self.old.parties[gone]
                same_engager = (
                    party.engaged_by is not None and before.engaged_by == party.engaged_by
                )
                if same_engager or uses & self.customers_old.activities(gone):
                    pairs[eid] = gone
                    free.remove(gone)
                    break
        return pairs

    def _party_added(self, eid: str, replaces: str | None) -> Change:
        party = self.new.parties[eid]
        serves = self.customers_new.serves("party", eid)
        if replaces is not None:
            kind = ChangeKind.SUB_PROCESSOR_REPLACED
        else:
            kind = ChangeKind.SUB_PROCESSOR_ADDED if serves else ChangeKind.PARTY_ADDED
        countries = _countries(_dump(party.locations))
        uses = [self._label("activity", a.id) for a in self.new.activities_using(eid)]
        before_label = self._label("party", replaces) if replaces else same("")
        audience = self._audience("party", eid)
        words = {
            "entity": self._label("party", eid),
            "item": _bare(self._value("service", _dump(party.service))),
            "after": _countries_label(countries),
            "before": before_label,
        }
        uses_label = join([Bilingual(nb=f"«{u.nb}»", en=f"“{u.en}”") for u in uses])
        unlocated = "" if isinstance(countries, list) else "unlocated"
        return Change(
            kind=kind,
            entity_kind="party",
            entity_id=eid,
            audience=audience,
            before=_public(_dump(self.old.parties[replaces])) if replaces else None,
            after=_public(_dump(party)),
            summary=summary(kind, extra=uses_label, **words),
            public=_for_people(
                audience, kind, unlocated, **{**words, "item": mid_sentence(words["item"])}
            ),
            location=self._where(eid),
        )

    # ------------------------------------------------------------------ fields

    def _compare(self, kind: EntityKind, eid: str, a: Any, b: Any) -> list[Change]:
        found: list[Change] = []
        if a == b:
            return found
        for key in dict.fromkeys([*a, *b]):
            va, vb = a.get(key), b.get(key)
            if va == vb:
                continue
            special = _SPECIAL.get((kind, key))
            if special is not None:
                found += special(self, eid, key, va, vb)
                continue
            found += [self._generic(kind, eid, d) for d in _walk((key,), va, vb)]
        return found

    def _generic(
        self,
        kind: EntityKind,
        eid: str,
        delta: _Delta,
        change_kind: ChangeKind | None = None,
        **values: Bilingual,
    ) -> Change:
        entity = self._label(kind, eid)
        label = field_label(delta.field)
        if delta.internal:
            return Change(
                kind=ChangeKind.FIELD_CHANGED,
                entity_kind=kind,
                entity_id=eid,
                field=delta.field,
                audience=_INTERNAL_ONLY,
                before=_plain(delta.before),
                after=_plain(delta.after),
                summary=summary("field_changed", "internal", entity=entity, field=label),
                location=self._where(eid, delta.path[0].lstrip("!")),
            )
        text = _is_text(delta.before) or _is_text(delta.after)
        if change_kind is None:
            change_kind = ChangeKind.TEXT_CHANGED if text else ChangeKind.FIELD_CHANGED
        variant = "" if delta.op == "changed" or text else delta.op
        audience = self._audience(kind, eid)
        # People read one sentence per entity, never the field or the stored values.
        public = (
            _for_people(audience, change_kind, entity=entity, **values)
            if change_kind is ChangeKind.PURPOSE_CHANGED
            else _for_people(audience, "updated", kind, entity=entity)
        )
        return Change(
            kind=change_kind,
            entity_kind=kind,
            entity_id=eid,
            field=delta.field,
            audience=audience,
            public=public,
            before=_public(delta.before),
            after=_public(delta.after),
            summary=summary(
                change_kind,
                variant,
                entity=entity,
                field=label,
                before=self._value(delta.field, _public(delta.before)),
                after=self._value(delta.field, _public(delta.after)),
                **values,
            ),
            location=self._where(eid, delta.path[0]),
        )

    def _change(
        self,
        kind: ChangeKind,
        entity_kind: EntityKind,
        eid: str,
        field: str,
        data: tuple[Any, Any],
        *,
        variant: str = "",
        **words: Bilingual,
    ) -> Change:
        """A change of a known kind; ``data`` is (before, after), ``words`` fill the summary."""
        audience = self._audience(entity_kind, eid)
        entity = self._label(entity_kind, eid)
        return Change(
            kind=kind,
            entity_kind=entity_kind,
            entity_id=eid,
            field=field,
            audience=audience,
            before=data[0],
            after=data[1],
            summary=summary(kind, variant, entity=entity, **words),
            public=_for_people(audience, kind, variant, entity=entity, **words),
            location=self._where(eid, field.split(".", 1)[0]),
        )

    def _purposes(self, eid: str, key: str, a: Any, b: Any) -> list[Change]:
        old = {p["id"]: p for p in a or []}
        new = {p["id"]: p for p in b or []}
        found: list[Change] = []
        for pid in sorted(old.keys() | new.keys()):
            field = f"purposes.{pid}"
            if pid not in new:
                item = self._value("description", old[pid]["description"])
                found.append(
                    self._change(
                        ChangeKind.PURPOSE_REMOVED, "activity", eid, field,
                        (_public(old[pid]), None), item=_bare(item),
                    )
                )  # fmt: skip
            elif pid not in old:
                item = _bare(self._value("description", new[pid]["description"]))
                found.append(
                    self._change(
                        ChangeKind.PURPOSE_ADDED, "activity", eid, field,
                        (None, _public(new[pid])), item=item,
                    )
                )  # fmt: skip
            else:
                found += self._purpose(eid, pid, old[pid], new[pid])
        return found

    def _purpose(self, eid: str, pid: str, a: Any, b: Any) -> list[Change]:
        item = _bare(self._value("description", b["description"]))
        found: list[Change] = []
        for key in dict.fromkeys([*a, *b]):
            path = ("purposes", pid, key)
            if key == "legal_basis":
                pa, pb = _public(a[key]), _public(b[key])
                if pa != pb:
                    old_kind = pa.get("basis") if isinstance(pa, dict) else pa
                    new_kind = pb.get("basis") if isinstance(pb, dict) else pb
                    found.append(
                        self._change(
                            ChangeKind.LEGAL_BASIS_CHANGED, "activity", eid, ".".join(path),
                            (pa, pb), variant="" if old_kind != new_kind else "details", item=item,
                            before=basis_label(pa), after=basis_label(pb),
                        )
                    )  # fmt: skip
                found += [
                    self._generic("activity", eid, d)
                    for d in _walk(path, a[key], b[key])
                    if d.internal
                ]
                continue
            found += [
                self._generic("activity", eid, d, ChangeKind.PURPOSE_CHANGED, item=item)
                for d in _walk(path, a.get(key), b.get(key))
            ]
        return found

    def _categories(self, eid: str, key: str, a: Any, b: Any) -> list[Change]:
        noun = "data_category" if key == "data_categories" else "subject_category"
        added = ChangeKind(f"{noun}_added")
        removed = ChangeKind(f"{noun}_removed")
        found: list[Change] = []
        for cid in sorted(set(a) - set(b)):
            found.append(
                self._change(
                    removed, "activity", eid, key, (cid, None), item=self._label(noun, cid)
                )
            )
        for cid in sorted(set(b) - set(a)):
            found.append(
                self._change(added, "activity", eid, key, (None, cid), item=self._label(noun, cid))
            )
        return found

    def _recipients(self, eid: str, key: str, a: Any, b: Any) -> list[Change]:
        sa, sb = _recipient_set(key, a), _recipient_set(key, b)
        found: list[Change] = []
        for group, pid in sorted(sa - sb):
            if pid not in self.removed_parties:
                found.append(
                    self._change(
                        ChangeKind.RECIPIENT_REMOVED, "activity", eid, _group_field(key, group),
                        (pid, None), item=self._label("party", pid), extra=group_label(group),
                    )
                )  # fmt: skip
        for group, pid in sorted(sb - sa):
            if pid not in self.added_parties:
                found.append(
                    self._change(
                        ChangeKind.RECIPIENT_ADDED, "activity", eid, _group_field(key, group),
                        (None, pid), item=self._label("party", pid), extra=group_label(group),
                    )
                )  # fmt: skip
        if sa == sb and (isinstance(a, str) or isinstance(b, str)):
            found.append(self._generic("activity", eid, _Delta((key,), "changed", a, b)))
        return found

    def _retention(self, eid: str, key: str, a: Any, b: Any) -> list[Change]:
        pa, pb = _public(a), _public(b)
        if _as_set(pa) == _as_set(pb):
            return []
        return [
            self._change(
                ChangeKind.RETENTION_CHANGED, "activity", eid, key, (pa, pb),
                before=self._retention_text(pa), after=self._retention_text(pb),
            )
        ]  # fmt: skip

    def _retention_text(self, rules: Any) -> Bilingual:
        if not isinstance(rules, list):
            return basis_label(rules)
        texts: list[Bilingual] = []
        for rule in rules:
            text, period = self._value("description", rule["description"]), rule["duration"]
            length = self._value("duration", period)
            if period == "until_consent_withdrawn":
                length = Bilingual(
                    nb="til samtykket trekkes tilbake", en="until consent is withdrawn"
                )
            texts.append(Bilingual(nb=f"{length.nb}, {text.nb}", en=f"{length.en}, {text.en}"))
        return Bilingual(nb="; ".join(t.nb for t in texts), en="; ".join(t.en for t in texts))

    def _locations(self, eid: str, key: str, a: Any, b: Any) -> list[Change]:
        ca, cb = _countries(a), _countries(b)
        found: list[Change] = []
        if ca != cb:
            unknown = "unknown_after" if not isinstance(cb, list) else "unknown_before"
            found.append(
                self._change(
                    ChangeKind.PARTY_COUNTRIES_CHANGED, "party", eid, key, (ca, cb),
                    before=_countries_label(ca), after=_countries_label(cb),
                    variant="" if isinstance(ca, list) and isinstance(cb, list) else unknown,
                )
            )  # fmt: skip
        old, new = _by_country(a), _by_country(b)
        if old is None or new is None:
            if isinstance(a, list) and isinstance(b, list):
                found += [self._generic("party", eid, d) for d in _walk((key,), a, b)]
            return found
        for country in sorted(old.keys() & new.keys()):
            la, lb = old[country], new[country]
            ma, mb = _public(la["mechanism"]), _public(lb["mechanism"])
            path = (key, country)
            if ma != mb:
                found.append(
                    self._change(
                        ChangeKind.TRANSFER_MECHANISM_CHANGED, "party", eid,
                        f"{key}.{country}.mechanism", (ma, mb), item=country_label(country),
                        before=mechanism_label(ma), after=mechanism_label(mb),
                    )
                )  # fmt: skip
            for d in _walk(path, la, lb):
                if d.internal or d.path[2:3] != ("mechanism",):
                    found.append(self._generic("party", eid, d))
        return found

    def _waivers(self) -> list[Change]:
        """Waivers have no id: one that differs in any field is removed and added."""
        old = {_canon(_dump(w)): i for i, w in enumerate(self.old.waivers)}
        new = {_canon(_dump(w)): i for i, w in enumerate(self.new.waivers)}
        found: list[Change] = []
        for key in sorted(old.keys() - new.keys()) + sorted(new.keys() - old.keys()):
            gone = key in old
            registry = self.old if gone else self.new
            index = old[key] if gone else new[key]
            waiver = registry.waivers[index]
            kind = ChangeKind.WAIVER_REMOVED if gone else ChangeKind.WAIVER_ADDED
            scope = (
                self._label("any", waiver.entity)
                if waiver.entity
                else Bilingual(nb="hele registeret", en="the whole registry")
            )
            found.append(
                Change(
                    kind=kind,
                    entity_kind="waiver",
                    entity_id=f"{waiver.rule}/{waiver.entity or '*'}",
                    audience=_INTERNAL_ONLY,
                    before=_dump(waiver) if gone else None,
                    after=None if gone else _dump(waiver),
                    summary=summary(
                        kind, entity=same(waiver.rule), extra=scope, item=same(waiver.reason)
                    ),
                    location=str(registry.locate_waiver(index)),
                )
            )
        return found


def _party_name(party: Party) -> Bilingual:
    """The name the notice shows; a category of recipients in lower case, as mid-sentence."""
    nb, en = party.name_in("nb"), party.name_in("en")
    if party.shown_as is not None:
        nb, en = nb[:1].lower() + nb[1:], en[:1].lower() + en[1:]
    return Bilingual(nb=nb, en=en)


def _for_people(
    audience: tuple[Audience, ...], kind: str, variant: str = "", /, **words: Bilingual
) -> Bilingual | None:
    """The public history's sentence; None for what only auditors see."""
    if audience == _INTERNAL_ONLY:
        return None
    return public_summary(kind, variant, **words)


_Special = Callable[[_Differ, str, str, Any, Any], list[Change]]
_SPECIAL: dict[tuple[str, str], _Special] = {
    ("activity", "purposes"): _Differ._purposes,
    ("activity", "data_categories"): _Differ._categories,
    ("activity", "subject_categories"): _Differ._categories,
    ("activity", "recipients"): _Differ._recipients,
    ("activity", "joint_controllers"): _Differ._recipients,
    ("activity", "retention"): _Differ._retention,
    ("party", "locations"): _Differ._locations,
}
