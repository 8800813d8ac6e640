"""All services over one database and one clock: what the UI and the CLI are handed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from frontdesk.config import load_paths
from frontdesk.db import Database
from frontdesk.services.appointments import AppointmentService
from frontdesk.services.audit import AuditService
from frontdesk.services.auth import AuthService
from frontdesk.services.catalog import CatalogService
from frontdesk.services.checkout import CheckoutService
from frontdesk.services.clients import ClientService
from frontdesk.services.consultation import ConsultationService
from frontdesk.services.context import Clock, system_clock
from frontdesk.services.photos import PhotoService
from frontdesk.services.profile import ProfileService
from frontdesk.services.search import ClientSearch
from frontdesk.services.sheet import SheetService
from frontdesk.services.store import StoreService
from frontdesk.services.visits import VisitService


@dataclass(frozen=True)
class Services:
    db: Database
    clock: Clock
    auth: AuthService
    store: StoreService
    audit: AuditService
    clients: ClientService
    appointments: AppointmentService
    visits: VisitService
    checkout: CheckoutService
    catalog: CatalogService
    search: ClientSearch
    profile: ProfileService
    consultation: ConsultationService
    photos: PhotoService
    sheet: SheetService

    @classmethod
    def build(cls, db: Database, clock: Clock = system_clock,
              photos_dir: Path | None = None) -> Services:
        """``photos_dir`` defaults to ``<data folder>/photos`` (consultation photos)."""
        return cls(
            db=db,
            clock=clock,
            auth=AuthService(db, clock),
            store=StoreService(db, clock),
            audit=AuditService(db),
            clients=ClientService(db, clock),
            appointments=AppointmentService(db, clock),
            visits=VisitService(db, clock),
            checkout=CheckoutService(db, clock),
            catalog=CatalogService(db, clock),
            search=ClientSearch(db, clock),
            profile=ProfileService(db, clock),
            consultation=ConsultationService(db, clock),
            photos=PhotoService(db, clock, photos_dir or load_paths().data_dir / "photos"),
            sheet=SheetService(db, clock),
        )
