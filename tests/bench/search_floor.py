"""The search benchmark's floor: the desk's lookups as plain SQL, ranked by the database.

Each statement reads the same indexes as :mod:`frontdesk.services.clients.search`
(``client_search_key``'s lookup index read backwards for a name, pinyin or
initials; ``phone_last4``, ``phone_e164`` and ``member_no`` for numbers) and
returns the same clients in the same order, which the database sorts here
(the desk ranks in Python): exact numbers first (``o`` = -1), then the clients
the desk expects today (0: an appointment of the branch today) and those in the
store (1: an open visit), then the rest (2); within each, the best grade, the
latest visit, the newest client. Today's clients are looked up by the key one by
one, as the desk does. A client may come twice (from today's branch and from the
index): the first row counts.

The statements take named parameters (``:key``), as :mod:`sqlite3` does;
:func:`for_psycopg` writes them as psycopg wants them. The same statements, run
with the bare driver on the same database, are the floor on SQLite and on
PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from frontdesk.services.clients.search import APPOINTMENT_TODAY, OPEN_VISIT

COLS = ("c.id AS id, c.name AS name, c.tier, c.phone_e164, c.last_visit_at AS v, "
        "c.visitor_class, c.allergies, c.birthday_calendar, c.birth_month, c.birth_day, "
        "c.birth_leap_month")
"""What a hit shows (as the desk's statement reads it)."""
ID = 2
"""Where the client id sits in a floor row: (o, g, id, name, …)."""
_LIVE = "c.anonymised_at IS NULL"
_RECENT = "c.last_visit_at IS NULL, c.last_visit_at DESC, c.id DESC"
_KEY_ORDER = "k.grade DESC, k.seen DESC, k.client_id DESC"
_TODAY = ("(SELECT a.client_id, 0 AS here FROM appointment a WHERE a.branch_id = :branch "
          "AND a.starts_at >= :day_start AND a.starts_at < :day_end "
          f"AND a.status IN ({', '.join(repr(s) for s in APPOINTMENT_TODAY)}) "
          "UNION ALL SELECT v.client_id, 1 AS here FROM visit v WHERE v.branch_id = :branch "
          f"AND v.status IN ({', '.join(repr(s) for s in OPEN_VISIT)})) h")
"""Today's clients: the appointments of the branch today and the open visits."""
_LONG_GRADE = ("CASE WHEN c.name = :text THEN 4 WHEN substr(c.name, 1, length(:text)) = :text "
               "THEN 3 ELSE 0 END")
"""A long name's grade, from the whole text typed (its key holds only the first characters)."""

_CARD = f"SELECT -1 AS o, 0 AS g, {COLS} FROM client c WHERE c.member_no = :card AND {_LIVE}"
_PHONE = f"SELECT -1 AS o, 0 AS g, {COLS} FROM client c WHERE c.phone_e164 = :phone AND {_LIVE}"
_MASK = (f"SELECT -1 AS o, 0 AS g, {COLS} FROM client c WHERE c.phone_last4 = :tail "
         "AND substr(c.phone_e164, 1, :shown_len) = :shown AND length(c.phone_e164) = :phone_len "
         f"AND {_LIVE} ORDER BY {_RECENT} LIMIT :n")
_TAIL = (f"SELECT 2 AS o, 0 AS g, {COLS} FROM client c WHERE c.phone_last4 = :tail AND {_LIVE} "
         f"ORDER BY {_RECENT} LIMIT :n")
_TAIL_TODAY = (f"SELECT h.here AS o, 0 AS g, {COLS} FROM {_TODAY} CROSS JOIN client c "
               f"WHERE c.id = h.client_id AND c.phone_last4 = :tail AND {_LIVE}")
_KEY = (f"SELECT 2 AS o, k.grade AS g, {COLS} FROM client_search_key k "
        f"JOIN client c ON c.id = k.client_id WHERE k.key = :key AND {_LIVE} "
        f"ORDER BY {_KEY_ORDER} LIMIT :n")
_PROBED = ("(SELECT h.client_id, h.here, (SELECT k.grade FROM client_search_key k "
           f"WHERE k.client_id = h.client_id AND k.key = :key) AS grade FROM {_TODAY}) t")
"""Today's clients, each with the grade of the key (NULL: not found by it), probed one by one."""
_KEY_TODAY = (f"SELECT t.here AS o, t.grade AS g, {COLS} FROM {_PROBED} CROSS JOIN client c "
              f"WHERE c.id = t.client_id AND t.grade IS NOT NULL AND {_LIVE}")
_LONG = (f"SELECT 2 AS o, {_LONG_GRADE} AS g, {COLS} FROM client_search_key k "
         "JOIN client c ON c.id = k.client_id WHERE k.key = :key "
         f"AND c.name LIKE :contains ESCAPE '!' AND {_LIVE} ORDER BY {_KEY_ORDER} LIMIT :n")
_LONG_TODAY = (f"SELECT t.here AS o, {_LONG_GRADE} AS g, {COLS} FROM {_PROBED} "
               "CROSS JOIN client c WHERE c.id = t.client_id AND t.grade IS NOT NULL "
               f"AND c.name LIKE :contains ESCAPE '!' AND {_LIVE}")


def _ranked(*branches: str) -> str:
    """The branches' rows, best first: exact, today's, then by grade, last visit, client."""
    union = " UNION ALL ".join(f"SELECT * FROM ({b}) AS b{i}" for i, b in enumerate(branches))
    return f"SELECT * FROM ({union}) AS r ORDER BY o, g DESC, v IS NULL, v DESC, id DESC"


FLOOR_SQL: dict[str, str] = {
    "phone": _ranked(_CARD, _PHONE),
    "phone mask": _ranked(_CARD, _MASK),
    "tail": _ranked(_CARD, _TAIL, _TAIL_TODAY),
    "card": _ranked(_CARD),
    "key": _ranked(_KEY, _KEY_TODAY),
    "long": _ranked(_LONG, _LONG_TODAY),
}
"""Per lookup the desk makes of what was typed, the floor's statement."""
TAIL_LOOKUP_SQL = _ranked(_CARD, _TAIL)
"""A phone tail without today's clients: the least ``frontdesk find 1234`` can do."""

_NAMED = re.compile(r"(?<![:\w]):(\w+)")


def for_psycopg(sql: str) -> str:
    """The statement with ``%(name)s`` placeholders instead of ``:name``."""
    return _NAMED.sub(r"%(\1)s", sql)


def client_ids(rows: Iterable[Sequence[Any]], limit: int) -> list[int]:
    """The first ``limit`` clients of the floor's rows, each once, in order."""
    seen: dict[int, None] = {}
    for row in rows:
        seen.setdefault(row[ID])
        if len(seen) == limit:
            break
    return list(seen)
