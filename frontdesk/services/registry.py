"""All services over one database and one clock: what the UI and the CLI are handed.

Each service is made, and its module imported, the first time it is asked for:
``frontdesk find`` imports the search and nothing else, and the GUI's sign-in
window does not wait for the PDF renderer or the pinyin tables.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.core.context import Clock, system_clock
from frontdesk.db import Database

if TYPE_CHECKING:
    from frontdesk.services.backup.service import BackupService
    from frontdesk.services.cards.operations import CardService
    from frontdesk.services.cards.products import CardProductService
    from frontdesk.services.cards.receipt import CardReceipts
    from frontdesk.services.cards.report import CardReportService
    from frontdesk.services.cards.tiers import TierService
    from frontdesk.services.care.books import BookService
    from frontdesk.services.care.messages import MessageLibrary
    from frontdesk.services.care.scan import CareScanner
    from frontdesk.services.care.setup import CareSetupService
    from frontdesk.services.care.tasks import CareService
    from frontdesk.services.clients.profile import ProfileService
    from frontdesk.services.clients.registration import ClientService
    from frontdesk.services.clients.search import ClientSearch
    from frontdesk.services.complaints.cases import ComplaintService
    from frontdesk.services.complaints.report import ComplaintReportService
    from frontdesk.services.desk.appointments import AppointmentService
    from frontdesk.services.desk.checkout import CheckoutService
    from frontdesk.services.desk.handover import HandoverService
    from frontdesk.services.desk.visit_plan import VisitPlanService
    from frontdesk.services.desk.visitors import VisitorService
    from frontdesk.services.desk.visits import VisitService
    from frontdesk.services.exports.everything import AllDataService
    from frontdesk.services.exports.service import ExportService
    from frontdesk.services.health.consultation import ConsultationService
    from frontdesk.services.health.photos import PhotoService
    from frontdesk.services.imports.service import ImportService
    from frontdesk.services.quality.checks import QualityService
    from frontdesk.services.sheet.service import SheetService
    from frontdesk.services.staff.accounts import StaffService
    from frontdesk.services.staff.auth import AuthService
    from frontdesk.services.store.catalog import CatalogService
    from frontdesk.services.store.setup import StoreService
    from frontdesk.services.surveys.service import SurveyService


class Services:
    """The services of one database; ``photos_dir`` is where this PC kept consultation photos
    before they moved into the database (its files are brought in at start)."""

    def __init__(self, db: Database, clock: Clock = system_clock, *, photos_dir: Path) -> None:
        self.db = db
        self.clock = clock
        self.photos_dir = photos_dir

    @cached_property
    def auth(self) -> AuthService:
        from frontdesk.services.staff.auth import AuthService

        return AuthService(self.db, self.clock)

    @cached_property
    def staff(self) -> StaffService:
        from frontdesk.services.staff.accounts import StaffService

        return StaffService(self.db, self.clock)

    @cached_property
    def store(self) -> StoreService:
        from frontdesk.services.store.setup import StoreService

        return StoreService(self.db, self.clock)

    @cached_property
    def catalog(self) -> CatalogService:
        from frontdesk.services.store.catalog import CatalogService

        return CatalogService(self.db, self.clock)

    @cached_property
    def clients(self) -> ClientService:
        from frontdesk.services.clients.registration import ClientService

        return ClientService(self.db, self.clock)

    @cached_property
    def search(self) -> ClientSearch:
        from frontdesk.services.cards.search_extras import CardBalances
        from frontdesk.services.care.search_extras import FollowUpDue
        from frontdesk.services.clients.search import ClientSearch
        from frontdesk.services.complaints.search_extras import OpenComplaints

        return ClientSearch(self.db, self.clock,
                            extras=(CardBalances(), FollowUpDue(self.clock), OpenComplaints()))

    @cached_property
    def profile(self) -> ProfileService:
        from frontdesk.services.care.history import ClientCareSection
        from frontdesk.services.clients.profile import ProfileService
        from frontdesk.services.complaints.sections import ComplaintsSection

        return ProfileService(self.db, self.clock, complaints=ComplaintsSection(),
                              care=ClientCareSection())

    @cached_property
    def appointments(self) -> AppointmentService:
        from frontdesk.services.desk.appointments import AppointmentService

        return AppointmentService(self.db, self.clock)

    @cached_property
    def visits(self) -> VisitService:
        from frontdesk.services.desk.visits import VisitService

        return VisitService(self.db, self.clock)

    @cached_property
    def visit_plan(self) -> VisitPlanService:
        from frontdesk.services.desk.visit_plan import VisitPlanService

        return VisitPlanService(self.db, self.clock)

    @cached_property
    def visitors(self) -> VisitorService:
        from frontdesk.services.desk.visitors import VisitorService

        return VisitorService(self.db, self.clock)

    @cached_property
    def checkout(self) -> CheckoutService:
        from frontdesk.services.cards.charger import MemberCardCharger
        from frontdesk.services.care.stats import StatsKeeper
        from frontdesk.services.desk.checkout import CheckoutService

        return CheckoutService(self.db, self.clock, member_cards=MemberCardCharger(),
                               visit_closed=StatsKeeper())

    @cached_property
    def handover(self) -> HandoverService:
        from frontdesk.services.desk.handover import HandoverService

        return HandoverService(self.db, self.clock)

    @cached_property
    def consultation(self) -> ConsultationService:
        from frontdesk.services.health.consultation import ConsultationService

        return ConsultationService(self.db, self.clock)

    @cached_property
    def photos(self) -> PhotoService:
        from frontdesk.services.health.photos import PhotoService

        return PhotoService(self.db, self.clock, self.photos_dir)

    @cached_property
    def backups(self) -> BackupService:
        from frontdesk.services.backup.service import BackupService

        return BackupService(self.db, self.clock)

    @cached_property
    def sheet(self) -> SheetService:
        from frontdesk.services.sheet.service import SheetService

        return SheetService(self.db, self.clock)

    @cached_property
    def cards(self) -> CardService:
        from frontdesk.services.cards.operations import CardService

        return CardService(self.db, self.clock)

    @cached_property
    def card_products(self) -> CardProductService:
        from frontdesk.services.cards.products import CardProductService

        return CardProductService(self.db, self.clock)

    @cached_property
    def tiers(self) -> TierService:
        from frontdesk.services.cards.tiers import TierService

        return TierService(self.db, self.clock)

    @cached_property
    def card_receipts(self) -> CardReceipts:
        from frontdesk.services.cards.receipt import CardReceipts

        return CardReceipts(self.db, self.clock)

    @cached_property
    def card_report(self) -> CardReportService:
        from frontdesk.services.cards.report import CardReportService

        return CardReportService(self.db, self.clock)

    @cached_property
    def care_setup(self) -> CareSetupService:
        from frontdesk.services.care.setup import CareSetupService

        return CareSetupService(self.db, self.clock)

    @cached_property
    def care_scan(self) -> CareScanner:
        from frontdesk.services.care.scan import CareScanner

        return CareScanner(self.db, self.clock)

    @cached_property
    def care(self) -> CareService:
        from frontdesk.services.care.tasks import CareService

        return CareService(self.db, self.clock)

    @cached_property
    def care_books(self) -> BookService:
        from frontdesk.services.care.books import BookService

        return BookService(self.db, self.clock)

    @cached_property
    def surveys(self) -> SurveyService:
        from frontdesk.services.surveys.service import SurveyService

        return SurveyService(self.db, self.clock)

    @cached_property
    def messages(self) -> MessageLibrary:
        from frontdesk.services.care.messages import MessageLibrary

        return MessageLibrary(self.db, self.clock)

    @cached_property
    def complaints(self) -> ComplaintService:
        from frontdesk.services.complaints.cases import ComplaintService

        return ComplaintService(self.db, self.clock)

    @cached_property
    def complaint_report(self) -> ComplaintReportService:
        from frontdesk.services.complaints.report import ComplaintReportService

        return ComplaintReportService(self.db, self.clock)

    @cached_property
    def quality(self) -> QualityService:
        from frontdesk.services.quality.checks import QualityService

        return QualityService(self.db, self.clock)

    @cached_property
    def exports(self) -> ExportService:
        from frontdesk.services.exports.service import ExportService

        return ExportService(self.db, self.clock)

    @cached_property
    def all_data(self) -> AllDataService:
        from frontdesk.services.exports.everything import AllDataService

        return AllDataService(self.db, self.clock)

    @cached_property
    def imports(self) -> ImportService:
        from frontdesk.services.imports.service import ImportService

        return ImportService(self.db, self.clock)
