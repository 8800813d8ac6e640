"""Instant client search for the desk: phone tail, phone, card number, name, pinyin.

The query text decides which lookups run (see :func:`plan_query`):

- 4 digits (``5678``): the phone tail (手机尾号, ``phone_last4``) and the card number.
- other digits (``138 0013 8000``, ``+86…``, ``0086…``, full-width ``１３８…``): the exact
  phone (``phone_e164``) when they make a valid number, and the card number. For a
  role that sees phones masked, a full number finds every client whose number looks
  the same masked (``139****0001``: the same first digits, length and last four; see
  :func:`masked_plan`), so the hits do not depend on the hidden middle digits and no
  search can confirm a number the role may not see.
- letters with digits (``M00012345``): the card number, any case: the client's member
  number (``member_no``) and the number of a member card they own (``member_card.card_no``;
  a card reader types it and Enter).
- letters only (``zhangsan``, ``zs``, ``lcq``) and a name or part of one of up to
  ``MAX_PART`` characters (``张``, ``张三``, ``三丰``): one key of ``client_search_key``
  (:func:`frontdesk.core.names.search_keys`: the name's prefixes and inner runs, every
  prefix of each of its readings, so 李长青 is found by ``lichangqing``, ``lizhangqing``
  and ``lcq``, and of their initials).
- a longer name (``爱新觉罗启``): the key of its first ``MAX_PART`` characters, filtered
  by the whole text (``LIKE``, with its wildcards escaped).

Every lookup is an index equality (or a phone-tail range of about 100 rows) whose
values are bound parameters, never ``LIKE 'q%'``, which would scan. All lookups of one
query run as one ``UNION ALL`` statement on a Core connection, each branch with its
own ``LIMIT`` and already carrying the columns a hit shows, so a search is one round
trip.

Ranking, for the client the desk is most likely serving: an exact phone or card
number first; then the clients expected today (an appointment of the actor's branch
today, booked or arrived) and those in the store (an open visit), found by a branch
of their own that starts from today's few appointments and open visits and looks up
each one's key by itself (a few dozen primary-key probes, however common the key);
then how well
the text matches (:class:`~frontdesk.core.names.Grade`: the whole name or reading,
a prefix, whole initials, a prefix of initials, a run inside the name); then the most
recent visit; then the newest client. A name key's rows are stored in that order
(grade, last visit, client), so the 20 most recent of the 70,000 clients named 张 at
1,000,000 clients are the first 20 entries of the index, not a sort of 70,000.
Anonymised clients are never found. A control character in the query (a NUL, a
pasted tab) counts as a space, and a query longer than ``MAX_QUERY`` finds nothing:
the search never refuses what was typed.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import Connection, TextualSelect, bindparam, text

from frontdesk.core.birthdays import birthday_flags
from frontdesk.core.context import Actor, Clock, local_day_bounds, local_today
from frontdesk.core.names import MAX_PART, Grade, name_text
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


class Lookup(enum.StrEnum):
    """The index lookups a query may run, one ``UNION ALL`` branch each."""

    PHONE = "phone"
    CARD = "card"
    """The client's member number."""
    MEMBER_CARD = "member_card"
    """The number of a member card (会员卡) the client owns; found as a card (MatchKind.CARD)."""
    PHONE_TAIL = "phone_tail"
    PHONE_MASK = "phone_mask"
    KEY = "key"
    """One key of ``client_search_key``: a name, its start or a run inside it, pinyin."""
    LONG_NAME = "long_name"
    """A name longer than ``MAX_PART``: its first characters' key, filtered by the text."""


_EXACT = frozenset({Lookup.PHONE, Lookup.CARD, Lookup.MEMBER_CARD, Lookup.PHONE_MASK})
"""Lookups of a whole number: ranked before everything else."""


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

    lookups: tuple[Lookup, ...]
    params: Mapping[str, str | int] = field(default_factory=dict)
    letters: bool = False
    """Letters only (pinyin, initials): a key's hit is by pinyin, not by the name."""


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
            return QueryPlan((Lookup.KEY,), {"key": folded.lower()}, letters=True)
        return QueryPlan(_CARDS, _card_params(folded))
    return _name_plan(query)


_CARDS = (Lookup.CARD, Lookup.MEMBER_CARD)
"""A card number is looked up as a member number and as a member card's number."""


def _card_params(card: str) -> dict[str, str]:
    return {"card": card, "card_upper": card.upper(), "card_lower": card.lower()}


def _digits_plan(digits: str) -> QueryPlan:
    params = _card_params(digits.lstrip("+"))
    if len(digits) == 4:
        return QueryPlan((*_CARDS, Lookup.PHONE_TAIL), {**params, "tail": digits})
    try:
        phone = normalise_phone(digits)
    except ValidationError:
        return QueryPlan(_CARDS, params)
    return QueryPlan((Lookup.PHONE, *_CARDS), {**params, "phone": phone})


def masked_plan(plan: QueryPlan) -> QueryPlan:
    """The plan for a role that sees phones masked: an exact phone lookup becomes a lookup
    of the numbers that look the same masked (none when the mask shows nothing)."""
    if Lookup.PHONE not in plan.lookups:
        return plan
    phone = str(plan.params["phone"])
    params = {k: v for k, v in plan.params.items() if k != "phone"}
    shown = mask_shown(phone)
    if shown is None:
        return QueryPlan(tuple(k for k in plan.lookups if k is not Lookup.PHONE), params)
    start, tail = shown
    params.update(tail=tail, shown=start, shown_len=len(start), phone_len=len(phone))
    return QueryPlan(tuple(Lookup.PHONE_MASK if k is Lookup.PHONE else k
                           for k in plan.lookups), params)


def _name_plan(query: str) -> QueryPlan:
    text = name_text(query)
    if len(text) <= MAX_PART:
        return QueryPlan((Lookup.KEY,), {"key": text})
    contains = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"
    return QueryPlan((Lookup.LONG_NAME,), {"key": text[:MAX_PART], "contains": contains,
                                           "text": text})


_COLUMNS = ("c.id, c.name, c.tier, c.phone_e164, c.last_visit_at, c.visitor_class, "
            "c.allergies, c.birthday_calendar, c.birth_month, c.birth_day, c.birth_leap_month")
_LIVE = "c.anonymised_at IS NULL"
_RECENT_FIRST = "c.last_visit_at IS NULL, c.last_visit_at DESC, c.id DESC"
"""Most recent visit first; an expression, so the planner keeps the equality index."""
_KEY_ORDER = "k.grade DESC, k.seen DESC, k.client_id DESC"
"""The lookup index read backwards: best grade, most recent visit, newest client."""
_MASK = ("substr(c.phone_e164, 1, :shown_len) = :shown AND length(c.phone_e164) = :phone_len")

APPOINTMENT_TODAY = ("booked", "arrived")
"""Appointment statuses that make a client expected today (``ACTIVE_APPOINTMENT``)."""
OPEN_VISIT = ("waiting", "in_service", "finished")
"""Visit statuses of a client in the store (``services.desk.visits.OPEN_VISIT``)."""
_HERE = ("(SELECT a.client_id, 0 AS here FROM appointment a WHERE a.branch_id = :branch "
         "AND a.starts_at >= :day_start AND a.starts_at < :day_end "
         f"AND a.status IN ({', '.join(repr(s) for s in APPOINTMENT_TODAY)}) "
         "UNION ALL SELECT v.client_id, 1 AS here FROM visit v WHERE v.branch_id = :branch "
         f"AND v.status IN ({', '.join(repr(s) for s in OPEN_VISIT)})) h")
"""The clients the desk expects today (0) or who are in the store (1): a few dozen rows."""
_NOT_HERE = 2

_FROM: dict[Lookup, tuple[str, str]] = {
    # lookup: (its grade, FROM … WHERE … ORDER BY … for the lookup on its own)
    Lookup.PHONE: ("0", f"FROM client c WHERE c.phone_e164 = :phone AND {_LIVE}"),
    Lookup.CARD: ("0", "FROM client c WHERE c.member_no IN (:card, :card_upper, :card_lower) "
                       f"AND {_LIVE}"),
    Lookup.MEMBER_CARD: ("0", "FROM member_card m CROSS JOIN client c WHERE m.card_no "
                              "IN (:card, :card_upper, :card_lower) AND c.id = m.client_id "
                              f"AND {_LIVE}"),
    Lookup.PHONE_TAIL: ("0", f"FROM client c WHERE c.phone_last4 = :tail AND {_LIVE} "
                             f"ORDER BY {_RECENT_FIRST} LIMIT :n"),
    Lookup.PHONE_MASK: ("0", f"FROM client c WHERE c.phone_last4 = :tail AND {_MASK} AND {_LIVE} "
                             f"ORDER BY {_RECENT_FIRST} LIMIT :n"),
    Lookup.KEY: ("k.grade", "FROM client_search_key k JOIN client c ON c.id = k.client_id "
                            f"WHERE k.key = :key AND {_LIVE} ORDER BY {_KEY_ORDER} LIMIT :n"),
    Lookup.LONG_NAME: ("k.grade", "FROM client_search_key k JOIN client c ON c.id = k.client_id "
                                  f"WHERE k.key = :key AND c.name LIKE :contains ESCAPE '!' "
                                  f"AND {_LIVE} ORDER BY {_KEY_ORDER} LIMIT :n"),
}
_PROBED = ("(SELECT h.client_id, h.here, (SELECT k.grade FROM client_search_key k "
           f"WHERE k.client_id = h.client_id AND k.key = :key) AS grade FROM {_HERE}) t")
"""Today's clients with the grade of the key for each (NULL: not found by it), looked up
client by client: a correlated sub-select, so no planner can swap it for a scan of all the
key's entries (20,000 for 静 at 1,000,000 clients) to join them with today's few."""
_TODAY_KEY_ORDER = f"t.here, t.grade DESC, {_RECENT_FIRST}"
_TODAY_KEY = f"FROM {_PROBED} CROSS JOIN client c WHERE c.id = t.client_id AND t.grade IS NOT NULL"
_FROM_HERE: dict[Lookup, tuple[str, str, str]] = {
    # The same lookups started from today's clients (CROSS JOIN: SQLite keeps this order),
    # ranked among themselves before the LIMIT (a few dozen rows at most are sorted):
    # lookup: (its grade, expected (0) or in the store (1), FROM … WHERE … ORDER BY …)
    Lookup.PHONE_TAIL: (
        "0", "h.here",
        f"FROM {_HERE} CROSS JOIN client c WHERE c.id = h.client_id AND c.phone_last4 = :tail "
        f"AND {_LIVE} ORDER BY h.here, {_RECENT_FIRST} LIMIT :n"),
    Lookup.KEY: (
        "t.grade", "t.here", f"{_TODAY_KEY} AND {_LIVE} ORDER BY {_TODAY_KEY_ORDER} LIMIT :n"),
    Lookup.LONG_NAME: (
        "t.grade", "t.here",
        f"{_TODAY_KEY} AND c.name LIKE :contains ESCAPE '!' AND {_LIVE} "
        f"ORDER BY {_TODAY_KEY_ORDER} LIMIT :n"),
}


@lru_cache(maxsize=32)
def statement(lookups: tuple[Lookup, ...]) -> TextualSelect:
    """One UNION ALL over the lookups (and those from today's clients); each branch is a
    sub-select with its own LIMIT, its rows ``(lookup, grade, here, id, name, …)``."""
    branches = []
    for lookup in lookups:
        grade, where = _FROM[lookup]
        branches.append((lookup, grade, str(_NOT_HERE), where))
        if lookup in _FROM_HERE:
            branches.append((lookup, *_FROM_HERE[lookup]))
    sql = " UNION ALL ".join(
        f"SELECT * FROM (SELECT '{lookup.value}' AS lookup, {grade} AS grade, {here} AS here, "
        f"{_COLUMNS} {where}) AS b{i}" for i, (lookup, grade, here, where) in enumerate(branches))
    select = text(sql)
    if any(lookup in _FROM_HERE for lookup in lookups):
        select = select.bindparams(bindparam("day_start", type_=UTCDateTime()),
                                   bindparam("day_end", type_=UTCDateTime()))
    return select.columns(last_visit_at=UTCDateTime())


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
        if not plan.lookups or not limit:
            return []
        today = local_today(self._clock)
        with self._db.connect() as conn:
            rows = conn.execute(statement(plan.lookups),
                                {**plan.params, **self._today(actor, today), "n": limit}).all()
            best = rank(rows, plan)[:limit]
            extras = self._extras(conn, [row[_ID] for row in best])
        return [_hit(row, plan, extras.get(row[_ID], _NO_EXTRAS), today, full) for row in best]

    @staticmethod
    def _today(actor: Actor, today: dt.date) -> dict[str, Any]:
        start, end = local_day_bounds(today)
        return {"branch": actor.branch_id, "day_start": start, "day_end": end}

    def _extras(self, conn: Connection, client_ids: Sequence[int]) -> Mapping[int, HitExtras]:
        """Each source's flags for these clients, merged per client."""
        merged: dict[int, HitExtras] = {}
        for source in self._extra_sources:
            for client_id, extras in source.hit_extras(conn, client_ids).items():
                merged[client_id] = merged.get(client_id, _NO_EXTRAS).merged(extras)
        return merged


_Row = Sequence[Any]
"""A result row (an SQLAlchemy Row), read by position (faster than by name)."""
_LOOKUP, _GRADE, _HERE_AT, _ID, _NAME, _VISIT = 0, 1, 2, 3, 4, 7
"""Where things sit in a result row (see :func:`statement` and ``_COLUMNS``)."""
_LOOKUPS: dict[str, Lookup] = {lookup.value: lookup for lookup in Lookup}
_SPECIAL = VisitorClass.SPECIAL.value


def rank(rows: Iterable[_Row], plan: QueryPlan) -> list[_Row]:
    """The best row per client, best first (see the module docstring)."""
    best: dict[int, tuple[tuple[Any, ...], _Row]] = {}
    for row in rows:
        key = _sort_key(row, plan)
        held = best.get(row[_ID])
        if held is None or key < held[0]:
            best[row[_ID]] = (key, row)
    return [row for _, row in sorted(best.values(), key=itemgetter(0))]


def _sort_key(row: _Row, plan: QueryPlan) -> tuple[Any, ...]:
    lookup = _LOOKUPS[row[_LOOKUP]]
    visit = row[_VISIT]
    recency = -visit.timestamp() if visit is not None else 0.0
    return (lookup not in _EXACT, row[_HERE_AT], -_grade(row, lookup, plan), visit is None,
            recency, -row[_ID])


def _grade(row: _Row, lookup: Lookup, plan: QueryPlan) -> Grade:
    """How well the row's name matches; a long name's is found from the text itself."""
    if lookup is not Lookup.LONG_NAME:
        return Grade(row[_GRADE])
    text, name = str(plan.params["text"]), name_text(row[_NAME])
    return Grade.WHOLE if name == text else Grade.PREFIX if name.startswith(text) \
        else Grade.INSIDE


def _match_kind(row: _Row, plan: QueryPlan) -> MatchKind:
    lookup = _LOOKUPS[row[_LOOKUP]]
    if lookup is Lookup.MEMBER_CARD:
        return MatchKind.CARD
    if lookup not in (Lookup.KEY, Lookup.LONG_NAME):
        return MatchKind(lookup.value)
    grade = _grade(row, lookup, plan)
    if grade is Grade.INSIDE:
        return MatchKind.NAME_PART
    if not plan.letters:
        return MatchKind.NAME
    return MatchKind.PINYIN if grade >= Grade.PREFIX else MatchKind.INITIALS


def _hit(row: _Row, plan: QueryPlan, extras: HitExtras, today: dt.date,
         full_phone: bool) -> ClientHit:
    (_lookup, _grade_value, _here, client_id, name, tier, e164, visit, visitor_class, allergies,
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
        matched_by=_match_kind(row, plan),
    )
