"""The store's points rule, its redemption catalogue (积分兑换) and its referral reward.

- Points are earned per ¥1 actually paid (whole yuan, rounded down), 1 by default, then
  multiplied by the client's tier (``Tier.points_multiplier_percent``); the rule is a
  store setting (``points_per_yuan``), read in the charger's transaction by
  :func:`points_rule_in`.
- A referral reward goes to the client who referred another when the referred client gets
  their first member card (``tiers.reward_referral_in``): so many points, a voucher of so
  much, or both (0 turns either off).
- A reward of the catalogue costs a number of points and issues a voucher of its kind and
  value, or (no kind) is a gift handed over at the desk.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.money import check_fen
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_choice, check_each, check_text, is_whole
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import NotFound, ValidationError
from frontdesk.models import Setting
from frontdesk.models.card import PointsReward, VoucherKind
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.rows import locked_row
from frontdesk.services.store.setup import setting_in

POINTS_PER_YUAN = "points_per_yuan"
REFERRAL_POINTS = "referral_reward_points"
REFERRAL_VOUCHER_FEN = "referral_reward_voucher_fen"
RULE_DEFAULTS = {POINTS_PER_YUAN: 1, REFERRAL_POINTS: 100, REFERRAL_VOUCHER_FEN: 0}
MAX_POINTS_PER_YUAN = 100
MAX_REWARD_POINTS = 10_000_000
MAX_REFERRAL_VOUCHER_FEN = 1_000_000
"""¥10,000.00: a referral voucher larger than that is a typing slip."""


@dataclass(frozen=True)
class PointsRule:
    points_per_yuan: int = 1
    referral_points: int = 100
    """Points the referrer gets (0: none)."""
    referral_voucher_fen: int = 0
    """A cash voucher the referrer gets (0: none)."""


@dataclass(frozen=True)
class RewardDraft:
    name: str
    points: int
    voucher_kind: VoucherKind | None = None
    """None: a gift handed over at the desk."""
    voucher_value_fen: int = 0


@dataclass(frozen=True)
class RewardRow:
    id: int
    name: str
    points: int
    voucher_kind: VoucherKind | None
    voucher_value_fen: int
    active: bool


def _number(s: Session, branch_id: int, key: str) -> int:
    try:
        return max(0, int(setting_in(s, branch_id, key)))
    except ValueError:
        return RULE_DEFAULTS[key]


def points_rule_in(s: Session, branch_id: int) -> PointsRule:
    """The store's points rule, read in the caller's transaction."""
    return PointsRule(*(_number(s, branch_id, key) for key in RULE_DEFAULTS))


def _reward_row(r: PointsReward) -> RewardRow:
    kind = VoucherKind(r.voucher_kind) if r.voucher_kind else None
    return RewardRow(r.id, r.name, r.points, kind, r.voucher_value_fen, r.active)


def _whole(value: object, top: int, field: str) -> int:
    if not is_whole(value) or not 0 <= value <= top:
        raise ValidationError("Enter a whole number from 0 to {n}.", field=field, n=top)
    return value


def _checked_rule(rule: PointsRule) -> PointsRule:
    values = check_each({
        "points_per_yuan": lambda: _whole(rule.points_per_yuan, MAX_POINTS_PER_YUAN,
                                          "points_per_yuan"),
        "referral_points": lambda: _whole(rule.referral_points, MAX_REWARD_POINTS,
                                          "referral_points"),
        "referral_voucher_fen": lambda: _whole(check_fen(rule.referral_voucher_fen,
                                                         "referral_voucher_fen"),
                                               MAX_REFERRAL_VOUCHER_FEN,
                                               "referral_voucher_fen"),
    })
    return PointsRule(**values)


def _reward_points(points: object) -> int:
    if not is_whole(points) or not 1 <= points <= MAX_REWARD_POINTS:
        raise ValidationError("A reward costs 1 to {n} points.", field="points",
                              n=MAX_REWARD_POINTS)
    return points


def _checked_reward(draft: RewardDraft) -> RewardDraft:
    def name() -> str:
        text = check_text(draft.name, 60, "name")
        if not text:
            raise ValidationError("Enter a name.", field="name")
        return text

    def kind() -> VoucherKind | None:
        if draft.voucher_kind is None:
            return None
        return check_choice(VoucherKind, draft.voucher_kind, "voucher_kind")

    values = check_each({"name": name, "points": lambda: _reward_points(draft.points),
                         "voucher_kind": kind,
                         "voucher_value_fen": lambda: check_fen(draft.voucher_value_fen,
                                                                "voucher_value_fen")})
    if values["voucher_kind"] is None:
        values["voucher_value_fen"] = 0
    return RewardDraft(**values)


class PointsSetup:
    """The points part of :class:`~frontdesk.services.cards.products.CardProductService`."""

    _db: Database
    _clock: Clock

    @unit_of_work
    def points_rule(self, actor: Actor) -> PointsRule:
        require(actor, Action.VIEW_CARDS)
        with self._db.read() as s:
            return points_rule_in(s, actor.branch_id)

    @unit_of_work
    def set_points_rule(self, actor: Actor, rule: PointsRule) -> PointsRule:
        require(actor, Action.MANAGE_CARD_PRODUCTS)
        rule = _checked_rule(rule)
        values = dict(zip(RULE_DEFAULTS, (rule.points_per_yuan, rule.referral_points,
                                          rule.referral_voucher_fen), strict=True))
        with self._db.write() as s:
            rows = {r.key: r for r in s.scalars(select(Setting).where(
                Setting.branch_id == actor.branch_id, Setting.key.in_(values)))}
            for key, value in values.items():
                if key in rows:
                    rows[key].value = str(value)
                else:
                    s.add(Setting(branch_id=actor.branch_id, key=key, value=str(value)))
            audit.record(s, self._clock(), actor, AuditAction.SETTING_CHANGED, "setting", None,
                         ", ".join(f"{k}={v}" for k, v in values.items()))
        return rule

    @unit_of_work
    def rewards(self, actor: Actor, *, with_inactive: bool = False) -> list[RewardRow]:
        """The redemption catalogue, cheapest first."""
        require(actor, Action.VIEW_CARDS)
        with self._db.read() as s:
            query = select(PointsReward).where(PointsReward.branch_id == actor.branch_id)
            if not with_inactive:
                query = query.where(PointsReward.active)
            return [_reward_row(r) for r in s.scalars(
                query.order_by(PointsReward.points, PointsReward.name))]

    @unit_of_work
    def save_reward(self, actor: Actor, reward_id: int | None, draft: RewardDraft) -> RewardRow:
        """Add a reward (``reward_id`` None) or change one."""
        require(actor, Action.MANAGE_CARD_PRODUCTS)
        draft = _checked_reward(draft)
        with self._db.write() as s:
            reward = self._reward(s, actor, reward_id) if reward_id is not None else \
                PointsReward(branch_id=actor.branch_id)
            taken = s.scalar(select(PointsReward.id).where(
                PointsReward.branch_id == actor.branch_id, PointsReward.active,
                PointsReward.name == draft.name, PointsReward.id != (reward_id or 0)))
            if taken is not None:
                raise ValidationError("A reward is called {name} already.", field="name",
                                      name=draft.name)
            reward.name, reward.points = draft.name, draft.points
            reward.voucher_kind = draft.voucher_kind.value if draft.voucher_kind else ""
            reward.voucher_value_fen = draft.voucher_value_fen
            s.add(reward)
            s.flush()
            audit.record(s, self._clock(), actor, AuditAction.POINTS_REWARD_SAVE,
                         "points_reward", reward.id, f"{reward.name} {reward.points}")
            return _reward_row(reward)

    @unit_of_work
    def set_reward_active(self, actor: Actor, reward_id: int, active: bool) -> RewardRow:
        require(actor, Action.MANAGE_CARD_PRODUCTS)
        with self._db.write() as s:
            reward = self._reward(s, actor, reward_id)
            reward.active = bool(active)
            audit.record(s, self._clock(), actor, AuditAction.POINTS_REWARD_SAVE,
                         "points_reward", reward.id, f"active={reward.active}")
            return _reward_row(reward)

    @staticmethod
    def _reward(s: Session, actor: Actor, reward_id: int) -> PointsReward:
        reward = locked_row(s, PointsReward, reward_id)
        if reward is None or reward.branch_id != actor.branch_id:
            raise NotFound("No reward with number {id}.", field="reward_id", id=reward_id)
        return reward
