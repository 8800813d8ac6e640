"""Instant client search for the desk: phone tail, phone, card number, name, pinyin.

The query text decides which lookups run (see :func:`plan_query`):

- 4 digits (``5678``): the phone tail (手机尾号, ``phone_last4``) and the card number.
- other digits (``138 0013 8000``, ``+86…``, ``0086…``, full-width ``１３８…``): the exact
  phone (``phone_e164``) when they make a valid number, and the card number. For a
  role that sees phones masked, a full number finds every client whose number looks
  the same masked (``139****0001``: the same first digits, length and last four; see
  :func:`masked_plan`), so the hits do not depend on the hidden middle digits and no
  search can confirm a number the role may not see.
- letters with digits (``M00012345``): the card number (``member_no``), any case.
- letters only (``zhangsan``, ``zs``): prefixes of ``name_pinyin`` and ``name_initials``.
- anything else (``张``, ``张三``, ``三丰``): a prefix of ``name``, and a part inside
  a name (the ``client_name_part`` table; longer queries than ``MAX_PART`` look up
  their first ``MAX_PART`` characters and filter).

Every lookup is an index range whose bounds are single bound parameters
(``name >= :q AND name < :q_hi``), never ``LIKE 'q%'``, which would scan. All
lookups of one query run as one ``UNION ALL`` statement on a Core connection,
each branch with its own ``LIMIT`` and already carrying the columns a hit shows,
so a search is one round trip. Results are ranked: exact phone or card first,
then phone tail, then name prefix (shorter, i.e. exact, names first), then the
rest (pinyin, initials, name parts); ties go to the most recent visit, then id.
Each lookup reads at most ``limit`` rows in its index's order (a phone tail's
matches, about 100 at 1M clients, are sorted by last visit), so for a common
surname the hits are the first names in code-point order, ranked among
themselves; one more character narrows them. Anonymised clients are never found.
A control character in the query (a NUL, a pasted tab) counts as a space, and a query
longer than ``MAX_QUERY`` finds nothing: the search never refuses what was typed.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import Connection, TextualSelect, text

from frontdesk.core.birthdays import birthday_flags
from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.names import MAX_PART, clean_name, prefix_upper_bound
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.phones import fold_digits, mask_shown, normalise_phone, phone_for
from frontdesk.core.validation import without_controls
from frontdesk.core.visitors import VisitorClass
from frontdesk.db import Database, UTCDateTime, unit_of_work
from frontdesk.errors import ValidationError

MAX_LIMIT = 200
"""The most hits one search returns."""
MAX_QUERY = 100
"""Longer queries find nothing: no name, phone or card number is that long."""


class MatchKind(enum.StrEnum):
    """How a hit was found; the UI may show it (e.g. highlight the phone tail)."""

    PHONE = "phone"
    CARD = "card"
    PHONE_TAIL = "phone_tail"
    NAME = "name"
    PINYIN = "pinyin"
    INITIALS = "initials"
    NAME_PART = "name_part"
    PHONE_MASK = "phone_mask"
    """A full phone typed by a role that sees phones masked: the numbers that look the same."""


_RANK: dict[MatchKind, int] = {
    MatchKind.PHONE: 0, MatchKind.CARD: 0, MatchKind.PHONE_MASK: 0,
    MatchKind.PHONE_TAIL: 1, MatchKind.NAME: 2,
    MatchKind.PINYIN: 3, MatchKind.INITIALS: 3, MatchKind.NAME_PART: 3,
}


@dataclass(frozen=True)
class ClientHit:
    """One client found, with what the desk must see at a glance."""

    client_id: int
    name: str
    tier: str
    phone: str
    """Masked (``138****5678``) unless the actor's role may see full numbers."""
    last_visit: dt.date | None
    """The local date of the last visit."""
    card_balance_fen: int | None
    """Stored-value balance in fen; None while the client has no card."""
    special_visitor: bool
    has_allergy: bool
    birthday_today: bool
    birthday_this_week: bool
    """Today or within the next six days, solar or lunar."""
    open_complaint: bool
    follow_up_due: bool
    matched_by: MatchKind

    @property
    def flags(self) -> tuple[str, ...]:
        """The names of the warning and care flags that are set, for compact display."""
        names = ("special_visitor", "has_allergy", "birthday_today", "birthday_this_week",
                 "open_complaint", "follow_up_due")
        return tuple(n for n in names if getattr(self, n))


@dataclass(frozen=True)
class QueryPlan:
    """Which lookups a query runs, and their bound parameters."""

    kinds: tuple[MatchKind, ...]
    params: Mapping[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class HitExtras:
    """What other capabilities know about a hit: a card balance, a complaint, a due call."""

    card_balance_fen: int | None = None
    open_complaint: bool = False
    follow_up_due: bool = False

    def merged(self, other: HitExtras) -> HitExtras:
        """Both sources' flags; a balance from whichever source has one."""
        balance = self.card_balance_fen if other.card_balance_fen is None \
            else other.card_balance_fen
        return HitExtras(balance, self.open_complaint or other.open_complaint,
                         self.follow_up_due or other.follow_up_due)


_NO_EXTRAS = HitExtras()


class HitExtrasSource(Protocol):
    """A capability (cards, complaints, care) that flags the hits of one search.

    Called on the search's connection with the ids of the hits shown, it answers
    in one statement for all of them (``WHERE client_id IN …``) and must stay
    well under a millisecond: it is on the typing path.
    """

    def hit_extras(self, conn: Connection, client_ids: Sequence[int]) -> Mapping[int, HitExtras]:
        ...


def plan_query(query: str) -> QueryPlan:
    """Classify what someone typed into the lookups to run (none for blank or over-long text).

    Control characters (a NUL, a tab or a line break pasted with the text) become spaces.
    """
    if len(query) > MAX_QUERY:
        return QueryPlan(())
    query = without_controls(query)
    folded = fold_digits(query).replace("'", "")
    if not folded:
        return QueryPlan(())
    if folded.isascii() and folded.lstrip("+").isdigit():
        return _digits_plan(folded)
    if folded.isascii() and folded.isalnum():
        if folded.isalpha():
            return _pinyin_plan(folded.lower())
        return QueryPlan((MatchKind.CARD,), _card_params(folded))
    return _name_plan(query)


def _card_params(card: str) -> dict[str, str]:
    return {"card": card, "card_upper": card.upper(), "card_lower": card.lower()}


def _digits_plan(digits: str) -> QueryPlan:
    params = _card_params(digits.lstrip("+"))
    if len(digits) == 4:
        return QueryPlan((MatchKind.CARD, MatchKind.PHONE_TAIL), {**params, "tail": digits})
    try:
        phone = normalise_phone(digits)
    except ValidationError:
        return QueryPlan((MatchKind.CARD,), params)
    return QueryPlan((MatchKind.PHONE, MatchKind.CARD), {**params, "phone": phone})


def masked_plan(plan: QueryPlan) -> QueryPlan:
    """The plan for a role that sees phones masked: an exact phone lookup becomes a lookup
    of the numbers that look the same masked (none when the mask shows nothing)."""
    if MatchKind.PHONE not in plan.kinds:
        return plan
    phone = str(plan.params["phone"])
    params = {k: v for k, v in plan.params.items() if k != "phone"}
    shown = mask_shown(phone)
    if shown is None:
        return QueryPlan(tuple(k for k in plan.kinds if k is not MatchKind.PHONE), params)
    start, tail = shown
    params.update(tail=tail, shown=start, shown_len=len(start), phone_len=len(phone))
    return QueryPlan(tuple(MatchKind.PHONE_MASK if k is MatchKind.PHONE else k
                           for k in plan.kinds), params)


def _pinyin_plan(key: str) -> QueryPlan:
    return QueryPlan((MatchKind.PINYIN, MatchKind.INITIALS),
                     {"key": key, "key_hi": prefix_upper_bound(key)})


def _name_plan(query: str) -> QueryPlan:
    name = clean_name(query)
    part = name.replace(" ", "").lower()
    params = {"name": name, "name_hi": prefix_upper_bound(name), "part": part[:MAX_PART]}
    if len(part) <= MAX_PART:
        return QueryPlan((MatchKind.NAME, MatchKind.NAME_PART), params)
    contains = "%" + part.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
    return QueryPlan((MatchKind.NAME, MatchKind.NAME_PART), {**params, "contains": contains})


_COLUMNS = ("c.id, c.name, c.name_pinyin, c.name_initials, c.tier, c.phone_e164, "
            "c.last_visit_at, c.visitor_class, c.allergies, c.birthday_calendar, "
            "c.birth_month, c.birth_day, c.birth_leap_month")
_LIVE = "c.anonymised_at IS NULL"
_RECENT_FIRST = "c.last_visit_at IS NULL, c.last_visit_at DESC, c.id"
"""Most recent visit first; an expression, so the planner keeps the equality index."""

_WHERE: dict[MatchKind, str] = {
    MatchKind.PHONE: "FROM client c WHERE c.phone_e164 = :phone AND " + _LIVE,
    MatchKind.CARD: ("FROM client c WHERE c.member_no IN (:card, :card_upper, :card_lower) AND "
                     + _LIVE),
    MatchKind.PHONE_TAIL: (f"FROM client c WHERE c.phone_last4 = :tail AND {_LIVE} "
                           f"ORDER BY {_RECENT_FIRST} LIMIT :n"),
    MatchKind.PHONE_MASK: ("FROM client c WHERE c.phone_last4 = :tail "
                           "AND substr(c.phone_e164, 1, :shown_len) = :shown "
                           f"AND length(c.phone_e164) = :phone_len AND {_LIVE} "
                           f"ORDER BY {_RECENT_FIRST} LIMIT :n"),
    MatchKind.NAME: (f"FROM client c WHERE c.name >= :name AND c.name < :name_hi AND {_LIVE} "
                     "ORDER BY c.name LIMIT :n"),
    MatchKind.PINYIN: ("FROM client c WHERE c.name_pinyin >= :key AND c.name_pinyin < :key_hi "
                       f"AND {_LIVE} ORDER BY c.name_pinyin LIMIT :n"),
    MatchKind.INITIALS: ("FROM client c WHERE c.name_initials >= :key "
                         f"AND c.name_initials < :key_hi AND {_LIVE} "
                         "ORDER BY c.name_initials LIMIT :n"),
    MatchKind.NAME_PART: ("FROM client_name_part p JOIN client c ON c.id = p.client_id "
                          f"WHERE p.part = :part AND {_LIVE}{{contains}} "
                          "ORDER BY p.client_id DESC LIMIT :n"),
}


@lru_cache(maxsize=32)
def _statement(kinds: tuple[MatchKind, ...], contains: bool) -> TextualSelect:
    """One UNION ALL over the lookups; each branch is a sub-select with its own LIMIT."""
    branches = []
    for i, kind in enumerate(kinds):
        where = _WHERE[kind].replace(
            "{contains}", " AND c.name LIKE :contains ESCAPE '!'" if contains else "")
        branches.append(f"SELECT * FROM (SELECT '{kind.value}' AS matched_by, {_COLUMNS} "
                        f"{where}) AS b{i}")
    return text(" UNION ALL ".join(branches)).columns(last_visit_at=UTCDateTime())


class ClientSearch:
    """The desk's search box: one query, ranked hits, in a few milliseconds at 1M clients."""

    def __init__(self, db: Database, clock: Clock, *,
                 extras: Sequence[HitExtrasSource] = ()):
        self._db = db
        self._clock = clock
        self._extra_sources = tuple(extras)

    @unit_of_work
    def search(self, actor: Actor, query: str, limit: int = 20) -> list[ClientHit]:
        """The clients matching ``query``, best first, at most ``limit`` (1…200) of them."""
        require(actor, Action.SEARCH_CLIENTS)
        limit = max(0, min(limit, MAX_LIMIT))
        full = allowed(actor, Action.SEE_FULL_PHONE)
        plan = plan_query(query) if full else masked_plan(plan_query(query))
        if not plan.kinds or not limit:
            return []
        statement = _statement(plan.kinds, "contains" in plan.params)
        with self._db.connect() as conn:
            rows = conn.execute(statement, {**plan.params, "n": limit}).all()
            best = _rank(rows)[:limit]
            extras = self._extras(conn, [row[1] for row in best])
        today = local_today(self._clock)
        return [_hit(row, extras.get(row[1], _NO_EXTRAS), today, full) for row in best]

    def _extras(self, conn: Connection, client_ids: Sequence[int]) -> Mapping[int, HitExtras]:
        """Each source's flags for these clients, merged per client."""
        merged: dict[int, HitExtras] = {}
        for source in self._extra_sources:
            for client_id, extras in source.hit_extras(conn, client_ids).items():
                merged[client_id] = merged.get(client_id, _NO_EXTRAS).merged(extras)
        return merged


_Row = Sequence[Any]
"""A result row (an SQLAlchemy Row), read by position."""
_KINDS: dict[str, MatchKind] = {kind.value: kind for kind in MatchKind}
_KEY_AT: dict[MatchKind, int] = {MatchKind.NAME: 2, MatchKind.PINYIN: 3, MatchKind.INITIALS: 4}
"""Where the matched key sits in a result row (see ``_COLUMNS``): shorter keys rank first."""
_SPECIAL = VisitorClass.SPECIAL.value


def _rank(rows: Iterable[_Row]) -> list[_Row]:
    """Best match per client, ordered by kind, match length, recent visit, then id."""
    best: dict[int, tuple[tuple[Any, ...], _Row]] = {}
    for row in rows:
        key = _sort_key(row)
        held = best.get(row[1])
        if held is None or key < held[0]:
            best[row[1]] = (key, row)
    return [row for _, row in sorted(best.values(), key=itemgetter(0))]


def _sort_key(row: _Row) -> tuple[Any, ...]:
    # Rows are read by position (faster than by name): matched_by, id, name, pinyin, …
    kind = _KINDS[row[0]]
    at = _KEY_AT.get(kind)
    visit = row[7]
    recency = -visit.timestamp() if visit is not None else 0.0
    return (_RANK[kind], len(row[at]) if at else 0, visit is None, recency, row[1])


def _hit(row: _Row, extras: HitExtras, today: dt.date, full_phone: bool) -> ClientHit:
    (kind, client_id, name, _pinyin, _initials, tier, e164, visit, visitor_class, allergies,
     calendar, month, day, leap) = row
    birthday, this_week = birthday_flags(calendar, month, day, bool(leap), today)
    return ClientHit(
        client_id=client_id, name=name, tier=tier, phone=phone_for(e164, full_phone),
        last_visit=visit.astimezone().date() if visit is not None else None,
        card_balance_fen=extras.card_balance_fen,
        special_visitor=visitor_class == _SPECIAL,
        has_allergy=bool(allergies and allergies.strip()),
        birthday_today=birthday, birthday_this_week=this_week,
        open_complaint=extras.open_complaint, follow_up_due=extras.follow_up_due,
        matched_by=_KINDS[kind],
    )
