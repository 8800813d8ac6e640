"""Several OS processes charging one card at once (terminals are processes, not threads).

Four processes (``spawn``: each a fresh interpreter with its own engine and its own
sign-in) charge 1 fen, 400 times each, against a balance of 1,000 fen: exactly 1,000 are
accepted, none overspent, the ledger does not drift, and no "database is locked" or other
storage error reaches a caller. On SQLite and, when configured, PostgreSQL.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from typing import Any

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.models.card import OperationKind
from frontdesk.services.registry import Services
from tests.cards import client, drift, shop
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.unit.test_cards_races import count

PROCESSES = 4
CHARGES = 400
BALANCE_FEN = 1_000


def charge_many(url: str, card_id: int, worker: int, start: Any) -> Counter[str]:
    """One terminal: signs in, waits for the others, then charges 1 fen ``CHARGES`` times;
    how many were accepted, refused for the balance, or failed otherwise (by name)."""
    import pathlib

    from frontdesk.errors import DomainError
    from frontdesk.services.cards.ledger import InsufficientBalance

    db = Database(url)
    services = Services(db, FakeClock(), photos_dir=pathlib.Path("/nonexistent"))
    actor = services.auth.sign_in("admin", ADMIN_PASSWORD)
    outcomes: Counter[str] = Counter()
    start.wait(60)  # a barrier: every terminal signed in, then all charge at once
    for i in range(CHARGES):
        try:
            services.cards.charge(actor, card_id=card_id, amount_fen=1, key=f"p{worker}-{i}")
            outcomes["accepted"] += 1
        except InsufficientBalance:
            outcomes["short"] += 1
        except DomainError as exc:
            outcomes[f"refused: {exc.message}"] += 1
        except Exception as exc:  # noqa: BLE001 - counted, and the test fails on any
            outcomes[f"{type(exc).__name__}: {exc}"] += 1
    db.dispose()
    return outcomes


def test_processes_charging_one_card_spend_exactly_its_balance(services: Services,
                                                               admin: Actor) -> None:
    cards = shop(services, admin)
    card_id = services.cards.issue(admin, client_id=client(services, admin),
                                   product_id=cards.stored, key="issue", method="cash",
                                   amount_fen=BALANCE_FEN).card.id
    services.db.dispose()  # no connection of this process crosses into the children
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        start = manager.Barrier(PROCESSES)
        with context.Pool(PROCESSES) as pool:
            pending = [pool.apply_async(charge_many, (services.db.url, card_id, w, start))
                       for w in range(PROCESSES)]
            outcomes = sum((p.get(timeout=300) for p in pending), Counter())
    assert outcomes == {"accepted": BALANCE_FEN, "short": PROCESSES * CHARGES - BALANCE_FEN}
    assert services.cards.card(admin, card_id).balance_fen == 0
    assert count(services.db, OperationKind.CHARGE) == BALANCE_FEN
    assert drift(services.db) == []
