"""SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from frontdesk.models import (  # noqa: F401  (registers their tables)
    appointment,  # noqa: F401  (registers its tables)
    card,
    care,
    complaint,
    consultation,
    handover,
    profile,
    survey,
    visitors,
)
from frontdesk.models.audit import AuditEntry
from frontdesk.models.base import Base
from frontdesk.models.catalog import Product, Room, RoomState, ServiceItem
from frontdesk.models.client import Client, ClientSearchKey, Gender, SourceChannel
from frontdesk.models.staff import LoginFailure, Staff
from frontdesk.models.store import Branch, FirstRun, Setting
from frontdesk.models.visit import (
    ConsumptionLine,
    LineKind,
    Payment,
    PaymentMethod,
    Visit,
    VisitKind,
    VisitStatus,
)

__all__ = [
    "AuditEntry", "Base", "Branch", "Client", "ClientSearchKey", "ConsumptionLine",
    "FirstRun", "Gender", "LineKind", "LoginFailure", "Payment", "PaymentMethod", "Product", "Room",
    "RoomState", "ServiceItem", "Setting", "SourceChannel", "Staff", "Visit", "VisitKind",
    "VisitStatus",
]
