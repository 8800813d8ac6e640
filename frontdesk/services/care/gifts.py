"""A gift task's gift is given (礼品赠送, domain/001): a voucher through the card ledger, or
the store's products / local specialities handed over; the gift logged and the task closed.

:func:`give_gift` runs inside the caller's transaction (:meth:`~.tasks.CareService.give_gift`
makes it a unit of work). A spa, dining or room voucher is issued by
:func:`frontdesk.services.cards.vouchers.issue_voucher` (source ``care``) in the same
transaction, titled in the store's words after the occasion (``中秋礼品·Spa体验券``,
``Mid-Autumn Festival gift: spa voucher``); products and specialities issue nothing. Then a
:class:`~frontdesk.models.care.CareCall` (channel GIFT, outcome GIFT_GIVEN, its note naming
the gift and the voucher's code) is logged and the task closed, audited (``care.gift``).

Lock order (README): the client first (``issue_voucher`` locks it; the task's client is read
unlocked to find it), then the task. Of two terminals giving one task's gift the second
waits on the client, then finds the task closed and is told so: one voucher.

Idempotency: the key is the care audit row's (as :func:`.actions.log_call`'s) and, prefixed
``care-gift:``, the voucher's operation key; a repeat with the same key returns the first
call's voucher code and does nothing again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.festivals import BUILT_IN
from frontdesk.errors import ValidationError
from frontdesk.models.card import OperationKind, VoucherKind, VoucherSource
from frontdesk.models.care import (
    CallOutcome,
    CareCall,
    CareChannel,
    CareKind,
    CareStatus,
    CareTask,
    Festival,
    GiftType,
)
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.vouchers import issue_voucher, voucher_of
from frontdesk.services.cards.writers import lock_client, replay_of
from frontdesk.services.care.actions import (
    already_done,
    check_open,
    close,
    key_detail,
    locked_task,
    task_of,
)
from frontdesk.services.care.due import detail_of
from frontdesk.services.care.settings import gift_types_of
from frontdesk.services.care.suggest import festival_code_of
from frontdesk.services.care.wording import store_language

VOUCHER_KINDS: Mapping[GiftType, VoucherKind] = {
    GiftType.SPA_VOUCHER: VoucherKind.SPA,
    GiftType.DINING_VOUCHER: VoucherKind.DINING,
    GiftType.ROOM_VOUCHER: VoucherKind.ROOM,
}
"""The gifts that are vouchers, issued through the card ledger."""

VOUCHER_KEY_PREFIX = "care-gift:"

GIFT_WORDS: Mapping[str, Mapping[GiftType, str]] = {
    "zh_CN": {GiftType.SPA_VOUCHER: "Spa体验券", GiftType.DINING_VOUCHER: "餐饮券",
              GiftType.ROOM_VOUCHER: "客房券", GiftType.STORE_PRODUCTS: "店内产品礼包",
              GiftType.LOCAL_SPECIALITY: "地方特产"},
    "en": {GiftType.SPA_VOUCHER: "spa voucher", GiftType.DINING_VOUCHER: "dining voucher",
           GiftType.ROOM_VOUCHER: "room voucher", GiftType.STORE_PRODUCTS: "store products",
           GiftType.LOCAL_SPECIALITY: "local specialities"},
}
"""How a gift is named in the voucher's title and the logged note, in the store's words."""

FESTIVAL_ZH: Mapping[str, str] = {
    "new_year": "元旦", "spring_festival": "春节", "lantern": "元宵", "womens_day": "三八节",
    "mothers_day": "母亲节", "dragon_boat": "端午", "qixi": "七夕", "mid_autumn": "中秋",
    "double_ninth": "重阳", "laba": "腊八", "new_years_eve": "除夕",
}
"""The built-in festivals' names in a Chinese store (their codes: core.festivals.BUILT_IN)."""
_FESTIVAL_EN = {f.code: f.name for f in BUILT_IN}


@dataclass(frozen=True)
class GiftGiven:
    """The gift was given: the voucher's code when it was a voucher."""

    voucher_code: str | None


@dataclass(frozen=True)
class Gift:
    """What is given: the gift, a voucher's value and expiry, and the note."""

    gift: GiftType
    value_fen: int
    expires_on: dt.date | None
    note: str


def give_gift(s: Session, actor: Actor, now: dt.datetime, task_id: int, version: int,
              gift: Gift, key: str) -> GiftGiven:
    """Give the gift of the open gift task at ``version`` and close it (see the module)."""
    client_id = task_of(s, actor, task_id).client_id
    if client_id is None:
        raise ValidationError("A batch message has no gift: mark it sent instead.",
                              field="task_id")
    lock_client(s, actor, client_id)
    task = locked_task(s, actor, task_id)
    if already_done(s, AuditAction.CARE_GIFT, [task.id], key):
        return GiftGiven(_code_replayed(s, key))
    check_open(s, actor, task, version)
    _check_gift(task, gift)
    language = store_language(s, actor.branch_id)
    code = _issue(s, actor, now, task, gift, key, language) \
        if gift.gift in VOUCHER_KINDS else None
    note = _note(gift, code, language)
    s.add(CareCall(branch_id=task.branch_id, client_id=client_id, task_id=task.id,
                   staff_id=actor.staff_id, at=now, channel=CareChannel.GIFT,
                   outcome=CallOutcome.GIFT_GIVEN, note=note))
    task.outcome, task.note, task.version = CallOutcome.GIFT_GIVEN, note, task.version + 1
    close(task, actor, now, CareStatus.DONE)
    audit.record(s, now, actor, AuditAction.CARE_GIFT, "care_task", task.id,
                 key_detail(key) + f"gift={gift.gift.value} client={client_id} "
                 f"voucher={code or '-'}")
    return GiftGiven(code)


def _check_gift(task: CareTask, gift: Gift) -> None:
    if task.channel is not CareChannel.GIFT:
        raise ValidationError("This care task has no gift: log the call instead.",
                              field="task_id")
    if gift.gift not in gift_types_of(task.gift_types):
        raise ValidationError("This gift is not one this task offers; choose one of its gifts.",
                              field="gift")
    if gift.gift in VOUCHER_KINDS and gift.value_fen <= 0:
        raise ValidationError("Type the voucher's value, more than zero.", field="value_fen")


def _issue(s: Session, actor: Actor, now: dt.datetime, task: CareTask, gift: Gift, key: str,
           language: str) -> str:
    assert task.client_id is not None
    op = issue_voucher(s, actor, now, VOUCHER_KEY_PREFIX + key, client_id=task.client_id,
                       kind=VOUCHER_KINDS[gift.gift], title=voucher_title(s, task, gift.gift,
                                                                          language),
                       value_fen=gift.value_fen, source=VoucherSource.CARE,
                       expires_on=gift.expires_on)
    voucher = voucher_of(s, op)
    assert voucher is not None
    return voucher.code


def _code_replayed(s: Session, key: str) -> str | None:
    op = replay_of(s, VOUCHER_KEY_PREFIX + key, OperationKind.VOUCHER_ISSUE)
    voucher = voucher_of(s, op) if op is not None else None
    return voucher.code if voucher is not None else None


def _note(gift: Gift, code: str | None, language: str) -> str:
    words = GIFT_WORDS.get(language, GIFT_WORDS["en"])[gift.gift]
    if code:
        words += f"（{code}）" if language == "zh_CN" else f" ({code})"
    return f"{words}：{gift.note}" if gift.note and language == "zh_CN" else \
        f"{words}: {gift.note}" if gift.note else words


def voucher_title(s: Session, task: CareTask, gift: GiftType, language: str) -> str:
    """``中秋礼品·Spa体验券`` / ``Mid-Autumn Festival gift: spa voucher``."""
    occasion = occasion_name(s, task, language)
    words = GIFT_WORDS.get(language, GIFT_WORDS["en"])[gift]
    if language == "zh_CN":
        return f"{occasion}礼品·{words}" if occasion else f"关怀礼品·{words}"
    return f"{occasion} gift: {words}" if occasion else f"Care gift: {words}"


def occasion_name(s: Session, task: CareTask, language: str) -> str:
    """The birthday or the festival the task is for, in the store's words ('' otherwise)."""
    zh = language == "zh_CN"
    if task.kind is CareKind.BIRTHDAY:
        return "生日" if zh else "Birthday"
    if task.kind is not CareKind.FESTIVAL:
        return ""
    detail = detail_of(task.detail)
    code = festival_code_of(task, detail)
    own = s.scalar(select(Festival.name).where(Festival.branch_id == task.branch_id,
                                               Festival.code == code))
    if code not in _FESTIVAL_EN and own:
        return own  # the store's own day, named in its own words
    names = FESTIVAL_ZH if zh else _FESTIVAL_EN
    name = detail.get("name")
    return names.get(code) or (name if isinstance(name, str) else "")


__all__ = ["Gift", "GiftGiven", "give_gift", "voucher_title"]
