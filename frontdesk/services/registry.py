"""All services over one database and one clock: what the UI and the CLI are handed."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.db import Database
from frontdesk.services.audit import AuditService
from frontdesk.services.auth import AuthService
from frontdesk.services.context import Clock, system_clock
from frontdesk.services.store import StoreService


@dataclass(frozen=True)
class Services:
    db: Database
    clock: Clock
    auth: AuthService
    store: StoreService
    audit: AuditService

    @classmethod
    def build(cls, db: Database, clock: Clock = system_clock) -> Services:
        return cls(
            db=db,
            clock=clock,
            auth=AuthService(db, clock),
            store=StoreService(db, clock),
            audit=AuditService(db),
        )
