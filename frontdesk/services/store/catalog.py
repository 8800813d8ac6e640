"""The catalog the desk picks from: service items, retail products and rooms (包厢).

The lists feed pickers: the active rows of one branch, by category and name.
Managers add to the catalog (``Action.MANAGE_CATALOG``); prices are integer fen
of at least zero, and a name is required and unique among the active rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
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
    follow_up_days: int | None


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


def service_item_row(i: ServiceItem) -> ServiceItemRow:
    return ServiceItemRow(i.id, i.name, i.category, i.price_fen, i.duration_min, i.follow_up_days)


class CatalogService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def service_items(self, branch_id: int) -> list[ServiceItemRow]:
        with self._db.read() as s:
            rows = s.scalars(select(ServiceItem).where(ServiceItem.branch_id == branch_id,
                                                       ServiceItem.active)
                             .order_by(ServiceItem.category, ServiceItem.name))
            return [service_item_row(i) for i in rows]

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
                         category: str = "", follow_up_days: int | None = None) -> ServiceItemRow:
        require(actor, Action.MANAGE_CATALOG)
        name, category = _check_name(name, 80), _check_category(category)
        price_fen = check_fen(price_fen, "price_fen")
        if not is_whole(duration_min) or not 5 <= duration_min <= MAX_APPOINTMENT_MINUTES:
            raise ValidationError("A service takes 5 to {n} minutes.", field="duration_min",
                                  n=MAX_APPOINTMENT_MINUTES)
        if follow_up_days is not None and (not is_whole(follow_up_days)
                                           or not 1 <= follow_up_days <= 365):
            raise ValidationError("A follow-up is 1 to 365 days after the service.",
                                  field="follow_up_days")
        with self._db.write() as s:
            _refuse_taken(s, ServiceItem, actor.branch_id, name)
            item = ServiceItem(branch_id=actor.branch_id, name=name, category=category,
                               price_fen=price_fen, duration_min=duration_min,
                               follow_up_days=follow_up_days)
            self._added(s, actor, item, AuditAction.SERVICE_ITEM_CREATE, "service_item")
            return service_item_row(item)

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
