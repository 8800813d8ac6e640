"""SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from frontdesk.models.audit import AuditEntry
from frontdesk.models.base import Base
from frontdesk.models.catalog import Product, Room, RoomState, ServiceItem
from frontdesk.models.client import (
    Calendar,
    Client,
    ClientNamePart,
    Gender,
    SourceChannel,
    VisitorClass,
)
from frontdesk.models.staff import LoginFailure, Role, Staff
from frontdesk.models.store import Branch, Setting
from frontdesk.models.visit import (
    ConsumptionLine,
    LineKind,
    Payment,
    PaymentMethod,
    Visit,
    VisitKind,
    VisitStatus,
)
from frontdesk.models import appointment  # noqa: F401  (registers its tables)
from frontdesk.models import consultation, profile  # noqa: F401  (registers their tables)

__all__ = [
    "AuditEntry", "Base", "Branch", "Calendar", "Client", "ClientNamePart", "ConsumptionLine",
    "Gender", "LineKind", "LoginFailure", "Payment", "PaymentMethod", "Product", "Role", "Room",
    "RoomState", "ServiceItem", "Setting", "SourceChannel", "Staff", "Visit", "VisitKind",
    "VisitStatus", "VisitorClass",
]
