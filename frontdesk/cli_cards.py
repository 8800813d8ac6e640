"""``frontdesk card show CARD``: one member card in words, as the person signed in sees it.

The owner's phone is masked unless the role may see full numbers (the card view does
that); reading the last operations is audited as the card screen's history is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from frontdesk.core.money import format_fen
from frontdesk.models.card import CardKind

if TYPE_CHECKING:
    from frontdesk.core.context import Actor
    from frontdesk.services.cards.views import CardView, HistoryRow
    from frontdesk.services.registry import Services


def show_card(services: Services, actor: Actor, card_no: str, last: int) -> list[str]:
    """The lines to print for card ``card_no``: owner, product, balances, holders, history."""
    card = services.cards.card_by_no(actor, card_no)
    rows = services.cards.history(actor, card.id, limit=max(1, min(last, 200))) if last else []
    return [*describe(card), *(["last operations:"] + [operation_line(r) for r in rows]
                               if rows else [])]


def describe(card: CardView) -> list[str]:
    """The card's own lines (no history)."""
    expiry = card.expires_on.isoformat() if card.expires_on else "none"
    lines = [
        f"card {card.card_no}\t{card.product_name} ({card.kind.value})\t{card.status.value}",
        f"owner: {card.owner_name}\t{card.phone or '-'}",
        f"issued: {card.issued_at.astimezone():%Y-%m-%d}\texpires: {expiry}"
        + ("\t(expired)" if card.expired else ""),
    ]
    if card.kind is CardKind.STORED_VALUE or card.balance_fen:
        lines.append(f"balance: {format_fen(card.balance_fen)} (paid {format_fen(card.paid_fen)}"
                     f", bonus {format_fen(card.bonus_fen)})")
    if card.sessions or card.services:
        covered = ", ".join(name for _, name in card.services) or "-"
        lines.append(f"sessions: {card.sessions} ({covered})")
    tier = card.tier_name or card.tier_code or "-"
    until = f" until {card.tier_valid_until.isoformat()}" if card.tier_valid_until else ""
    lines.append(f"points: {card.points:,}\ttier: {tier}{until}")
    if card.holders:
        lines.append("holders: " + ", ".join(
            f"{h.name} ({h.relation})" if h.relation else h.name for h in card.holders))
    for v in card.vouchers:
        lines.append(f"voucher {v.code}: {v.title} {format_fen(v.value_fen)}"
                     + (f" until {v.expires_on.isoformat()}" if v.expires_on else ""))
    if card.replaced_by_id:
        lines.append(f"replaced by card id {card.replaced_by_id}")
    return lines


def _signed(fen: int) -> str:
    fen = int(fen)  # the history's sums come back from PostgreSQL as Decimal
    return ("+" if fen > 0 else "") + format_fen(fen)


def operation_line(row: HistoryRow) -> str:
    """One operation: when, what, the deltas, the balances after, the money, who."""
    moved = []
    if row.paid_fen:
        moved.append(f"paid {_signed(row.paid_fen)}")
    if row.bonus_fen:
        moved.append(f"bonus {_signed(row.bonus_fen)}")
    if row.sessions:
        moved.append(f"sessions {row.sessions:+d}")
    if row.points:
        moved.append(f"points {row.points:+,d}")
    money = f"{row.method.value if row.method else ''} {_signed(row.money_fen)}".strip() \
        if row.money_fen else "-"
    after = f"{format_fen(int(row.paid_after))}/{format_fen(int(row.bonus_after))}"
    if row.sessions_after or row.sessions:
        after += f"/{row.sessions_after}"
    return "\t".join((f"  {row.at.astimezone():%Y-%m-%d %H:%M}", row.kind.value,
                      " ".join(moved) or "-", f"-> {after}", money, row.staff_name or "-",
                      row.reason or ""))
