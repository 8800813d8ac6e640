"""The catalog the desk picks from: service items, retail products and rooms (包厢).

The lists feed pickers: the active rows of one branch, by category and name.
Managers add to the catalog (``Action.MANAGE_CATALOG``); prices are integer fen
of at least zero, and a name is required and unique among the active rows. A service
item's follow-up days (回访: day 1, 3 and 7 after the visit) are rows of their own
(:class:`~frontdesk.models.care.FollowUpDay`); the care set-up changes them later.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.money import check_fen
from frontdesk.core.names import clean_name
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_characters, is_whole
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import NotFound, ValidationError
from frontdesk.models import Product, Room, RoomState, ServiceItem
from frontdesk.models.appointment import MAX_APPOINTMENT_MINUTES
from frontdesk.models.care import FollowUpDay
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.rows import locked_row


@dataclass(frozen=True)
class ServiceItemRow:
    id: int
    name: str
    category: str
    price_fen: int
    duration_min: int
    follow_up_days: tuple[int, ...]
    """The days after a visit its follow-up calls fall, ascending; () for none."""


@dataclass(frozen=True)
class ProductRow:
    id: int
    name: str
    category: str
    price_fen: int


@dataclass(frozen=True)
class RoomRow:
    id: int
    name: str
    state: RoomState


def _check_name(name: str, limit: int, field: str = "name") -> str:
    name = clean_name(check_characters(name, field))
    if not name:
        raise ValidationError("Enter a name.", field=field)
    if len(name) > limit:
        raise ValidationError("A name has at most {n} characters.", field=field, n=limit)
    return name


def _check_category(category: str) -> str:
    if not check_characters(category, "category").strip():
        return ""
    return _check_name(category, 40, "category")


def _refuse_taken(s: Session, model: Any, branch_id: int, name: str) -> None:
    taken = s.scalar(select(model.id).where(model.branch_id == branch_id, model.active,
                                            model.name == name))
    if taken is not None:
        raise ValidationError("{name} is in the catalog already.", field="name", name=name)


MAX_FOLLOW_UP_DAY = 365
MAX_FOLLOW_UP_CALLS = 6
"""At most this many follow-up calls after one service (day 1, 3, 7, 14, 30, 90)."""


def check_follow_up_days(days: object) -> tuple[int, ...]:
    """The days, ascending and each once; ValidationError naming ``follow_up_days`` unless
    each is a whole number of days from 1 to 365 and there are at most six."""
    given = tuple(days) if isinstance(days, list | tuple | set | frozenset) else None
    if given is None or not all(is_whole(d) for d in given):
        raise ValidationError("Follow-up days are whole numbers of days, e.g. 1, 3, 7.",
                              field="follow_up_days")
    if not all(1 <= d <= MAX_FOLLOW_UP_DAY for d in given):
        raise ValidationError("A follow-up is 1 to {n} days after the service.",
                              field="follow_up_days", n=MAX_FOLLOW_UP_DAY)
    unique = tuple(sorted(set(given)))
    if len(unique) > MAX_FOLLOW_UP_CALLS:
        raise ValidationError("At most {n} follow-up calls after one service.",
                              field="follow_up_days", n=MAX_FOLLOW_UP_CALLS)
    return unique


def follow_up_days_of(s: Session, item_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """Each service item's follow-up days, ascending (items without any are left out)."""
    found: dict[int, list[int]] = {}
    ids = list(item_ids)
    if not ids:
        return {}
    for item_id, day in s.execute(select(FollowUpDay.service_item_id, FollowUpDay.day)
                                  .where(FollowUpDay.service_item_id.in_(ids))
                                  .order_by(FollowUpDay.service_item_id, FollowUpDay.day)):
        found.setdefault(item_id, []).append(day)
    return {item_id: tuple(days) for item_id, days in found.items()}


def replace_follow_up_days(s: Session, item_id: int, days: tuple[int, ...]) -> None:
    """The item's follow-up days become ``days`` (checked already), in ``s``'s transaction."""
    s.execute(delete(FollowUpDay).where(FollowUpDay.service_item_id == item_id))
    s.add_all(FollowUpDay(service_item_id=item_id, day=day) for day in days)
    s.flush()


def service_item_row(i: ServiceItem, follow_up_days: tuple[int, ...] = ()) -> ServiceItemRow:
    return ServiceItemRow(i.id, i.name, i.category, i.price_fen, i.duration_min, follow_up_days)


class CatalogService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def service_items(self, branch_id: int) -> list[ServiceItemRow]:
        with self._db.read() as s:
            rows = s.scalars(select(ServiceItem).where(ServiceItem.branch_id == branch_id,
                                                       ServiceItem.active)
                             .order_by(ServiceItem.category, ServiceItem.name)).all()
            days = follow_up_days_of(s, (i.id for i in rows))
            return [service_item_row(i, days.get(i.id, ())) for i in rows]

    @unit_of_work
    def products(self, branch_id: int) -> list[ProductRow]:
        with self._db.read() as s:
            rows = s.scalars(select(Product).where(Product.branch_id == branch_id, Product.active)
                             .order_by(Product.category, Product.name))
            return [ProductRow(p.id, p.name, p.category, p.price_fen) for p in rows]

    @unit_of_work
    def rooms(self, branch_id: int) -> list[RoomRow]:
        with self._db.read() as s:
            rows = s.scalars(select(Room).where(Room.branch_id == branch_id, Room.active)
                             .order_by(Room.name))
            return [RoomRow(r.id, r.name, r.state) for r in rows]

    @unit_of_work
    def add_service_item(self, actor: Actor, name: str, price_fen: int, duration_min: int = 60,
                         category: str = "", follow_up_days: Sequence[int] = (),
                         ) -> ServiceItemRow:
        require(actor, Action.MANAGE_CATALOG)
        name, category = _check_name(name, 80), _check_category(category)
        price_fen = check_fen(price_fen, "price_fen")
        if not is_whole(duration_min) or not 5 <= duration_min <= MAX_APPOINTMENT_MINUTES:
            raise ValidationError("A service takes 5 to {n} minutes.", field="duration_min",
                                  n=MAX_APPOINTMENT_MINUTES)
        days = check_follow_up_days(follow_up_days)
        with self._db.write() as s:
            _refuse_taken(s, ServiceItem, actor.branch_id, name)
            item = ServiceItem(branch_id=actor.branch_id, name=name, category=category,
                               price_fen=price_fen, duration_min=duration_min)
            self._added(s, actor, item, AuditAction.SERVICE_ITEM_CREATE, "service_item")
            replace_follow_up_days(s, item.id, days)
            return service_item_row(item, days)

    @unit_of_work
    def add_product(self, actor: Actor, name: str, price_fen: int,
                    category: str = "") -> ProductRow:
        require(actor, Action.MANAGE_CATALOG)
        name, category = _check_name(name, 80), _check_category(category)
        price_fen = check_fen(price_fen, "price_fen")
        with self._db.write() as s:
            _refuse_taken(s, Product, actor.branch_id, name)
            product = Product(branch_id=actor.branch_id, name=name, category=category,
                              price_fen=price_fen)
            self._added(s, actor, product, AuditAction.PRODUCT_CREATE, "product")
            return ProductRow(product.id, product.name, product.category, product.price_fen)

    @unit_of_work
    def add_room(self, actor: Actor, name: str) -> RoomRow:
        require(actor, Action.MANAGE_CATALOG)
        name = _check_name(name, 40)
        with self._db.write() as s:
            _refuse_taken(s, Room, actor.branch_id, name)
            room = Room(branch_id=actor.branch_id, name=name, state=RoomState.READY)
            self._added(s, actor, room, AuditAction.ROOM_CREATE, "room")
            return RoomRow(room.id, room.name, room.state)

    @unit_of_work
    def set_room_state(self, actor: Actor, room_id: int, state: RoomState) -> RoomRow:
        """A manager takes a room out of service or back (the desk only marks rooms cleaned)."""
        require(actor, Action.MANAGE_CATALOG)
        state = RoomState(state)
        with self._db.write() as s:
            room = locked_row(s, Room, room_id)
            if room is None or room.branch_id != actor.branch_id:
                raise NotFound("No room with number {id}.", field="room_id", id=room_id)
            room.state = state
            audit.record(s, self._clock(), actor, AuditAction.ROOM_STATE, "room", room.id,
                         state.value)
            return RoomRow(room.id, room.name, room.state)

    def _added(self, s: Session, actor: Actor, row: Any, action: AuditAction,
               entity: str) -> None:
        s.add(row)
        s.flush()
        audit.record(s, self._clock(), actor, action, entity, row.id, row.name)
