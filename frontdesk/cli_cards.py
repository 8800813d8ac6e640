"""``frontdesk card show CARD``: one member card in words, as the person signed in sees it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frontdesk.core.context import Actor
    from frontdesk.services.registry import Services


def show_card(services: Services, actor: Actor, card_no: str, last: int) -> list[str]:
    """The lines to print for card ``card_no``: owner, product, balances, holders, history."""
    raise NotImplementedError("waits for CardService (cards-ledger)")
