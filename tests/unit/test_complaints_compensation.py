"""A resolution's compensation goes through the card ledger, in the move's transaction: a
voucher (source complaint) the client's card shows, a credit to a card's bonus balance
approved by a manager; nothing booked when the move is refused; a double click books once."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.errors import ConflictError, DomainError, ValidationError
from frontdesk.models.card import CardOperation, OperationKind, VoucherSource
from frontdesk.models.complaint import ComplaintStage, Remedy, StepKind
from frontdesk.services.cards.writers import CardApprovalMissing
from frontdesk.services.complaints.views import Compensation, ComplaintCase, Resolution
from frontdesk.services.desk.approval import ApprovalRefused
from frontdesk.services.registry import Services
from tests.cards import drift, shop
from tests.complaints import Staffing, client, snapshot, staffing, take


@pytest.fixture
def team(services: Services, admin: Actor) -> Staffing:
    return staffing(services, admin)


def at_resolution(services: Services, team: Staffing, client_id: int) -> ComplaintCase:
    row = take(services, team.desk, client_id)
    case = services.complaints.acknowledge(team.handler, row.complaint_id, row.version)
    return services.complaints.investigate(team.handler, row.complaint_id, case.row.version,
                                           "技师手法过重")


def card_of(services: Services, admin: Actor, client_id: int) -> int:
    stored = shop(services, admin).stored
    return services.cards.issue(admin, client_id=client_id, product_id=stored, key="issue",
                                method="cash", amount_fen=100_000).card.id


def operations(services: Services, kind: OperationKind) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(CardOperation)
                        .where(CardOperation.kind == kind)) or 0


def voucher(value_fen: int = 20_000) -> Resolution:
    return Resolution((Remedy.APOLOGY,), "赠送护理券", "加强培训",
                      Compensation("voucher", value_fen, "投诉补偿护理券",
                                   expires_on=dt.date(2027, 5, 1)))


def test_a_voucher_is_issued_through_the_ledger_and_the_card_shows_it(
        services: Services, admin: Actor, team: Staffing) -> None:
    client_id = client(services, admin)
    card_id = card_of(services, admin, client_id)
    case = at_resolution(services, team, client_id)
    done = services.complaints.resolve(team.handler, case.row.complaint_id, case.row.version,
                                       voucher(), key="resolve-1")
    assert done.row.stage is ComplaintStage.FEEDBACK and done.compensation_fen == 20_000
    assert done.remedies == (Remedy.APOLOGY, Remedy.VOUCHER)
    assert StepKind.COMPENSATED in [s.kind for s in done.steps]
    [shown] = services.cards.card(admin, card_id).vouchers
    assert shown.code == done.voucher_code and shown.source is VoucherSource.COMPLAINT
    assert shown.value_fen == 20_000 and shown.title == "投诉补偿护理券"
    assert shown.client_id == client_id


def test_a_double_click_on_resolve_books_once(services: Services, admin: Actor,
                                             team: Staffing) -> None:
    case = at_resolution(services, team, client(services, admin))
    first = services.complaints.resolve(team.handler, case.row.complaint_id, case.row.version,
                                        voucher(), key="resolve-1")
    again = services.complaints.resolve(team.handler, case.row.complaint_id, case.row.version,
                                        voucher(), key="resolve-1")
    assert again.voucher_code == first.voucher_code and again.row.version == first.row.version
    assert operations(services, OperationKind.VOUCHER_ISSUE) == 1
    with pytest.raises(ConflictError):
        services.complaints.resolve(team.handler, case.row.complaint_id, case.row.version,
                                    voucher(), key="resolve-2")
    assert operations(services, OperationKind.VOUCHER_ISSUE) == 1


def test_a_credit_needs_a_managers_approval(services: Services, admin: Actor,
                                            team: Staffing) -> None:
    client_id = client(services, admin)
    card_id = card_of(services, admin, client_id)
    case = at_resolution(services, team, client_id)
    credit = Resolution((Remedy.APOLOGY,), "补偿赠送金额", "", Compensation(
        "credit", 5_000, card_id=card_id))
    before = snapshot(services.db, case.row.complaint_id)
    with pytest.raises(CardApprovalMissing):
        services.complaints.resolve(team.handler, case.row.complaint_id, case.row.version,
                                    credit, key="c1")
    with pytest.raises(ApprovalRefused):
        services.complaints.resolve(team.handler, case.row.complaint_id, case.row.version,
                                    credit, key="c1", approver=team.desk)
    assert snapshot(services.db, case.row.complaint_id) == before
    assert operations(services, OperationKind.ADJUST) == 0
    done = services.complaints.resolve(team.handler, case.row.complaint_id, case.row.version,
                                       credit, key="c1", approver=team.manager)
    assert done.remedies == (Remedy.APOLOGY, Remedy.CREDIT) and done.voucher_code is None
    card = services.cards.card(admin, card_id)
    assert card.bonus_fen == 5_000 and card.paid_fen == 100_000
    with services.db.read() as s:
        op = s.scalars(select(CardOperation).where(
            CardOperation.kind == OperationKind.ADJUST)).one()
    assert op.approved_by_id == team.manager.staff_id and op.card_id == card_id
    assert drift(services.db) == []


def test_a_credit_to_another_clients_card_is_refused(services: Services, admin: Actor,
                                                     team: Staffing) -> None:
    other_card = card_of(services, admin, client(services, admin, "李娜"))
    case = at_resolution(services, team, client(services, admin))
    with pytest.raises(ValidationError, match="of the complaint's client"):
        services.complaints.resolve(team.handler, case.row.complaint_id, case.row.version,
                                    Resolution((), "", "", Compensation(
                                        "credit", 5_000, card_id=other_card)),
                                    key="c1", approver=team.manager)
    assert services.cards.card(admin, other_card).bonus_fen == 0


def test_a_refused_move_books_no_compensation(services: Services, admin: Actor,
                                              team: Staffing) -> None:
    row = take(services, team.desk, client(services, admin))
    with pytest.raises(ValidationError, match="at intake can only move to investigation"):
        services.complaints.resolve(team.handler, row.complaint_id, row.version, voucher(),
                                    key="r1")
    assert operations(services, OperationKind.VOUCHER_ISSUE) == 0


@pytest.mark.parametrize("value", [0, -100, 1.5])
def test_a_compensation_has_a_value(services: Services, admin: Actor, team: Staffing,
                                    value: object) -> None:
    case = at_resolution(services, team, client(services, admin))
    with pytest.raises(DomainError):
        services.complaints.resolve(team.handler, case.row.complaint_id, case.row.version,
                                    voucher(value), key="r1")  # type: ignore[arg-type]
    assert operations(services, OperationKind.VOUCHER_ISSUE) == 0


def test_no_remedy_is_refused(services: Services, admin: Actor, team: Staffing) -> None:
    case = at_resolution(services, team, client(services, admin))
    with pytest.raises(ValidationError, match="Say what was done"):
        services.complaints.resolve(team.handler, case.row.complaint_id, case.row.version,
                                    Resolution((), "", ""), key="r1")


def test_a_complainant_who_is_no_client_gets_no_voucher(services: Services, admin: Actor,
                                                        team: Staffing) -> None:
    row = take(services, team.desk, None, complainant="网友")
    case = services.complaints.acknowledge(team.handler, row.complaint_id, row.version)
    case = services.complaints.investigate(team.handler, row.complaint_id, case.row.version, "查")
    with pytest.raises(ValidationError, match="Only a client can be compensated"):
        services.complaints.resolve(team.handler, row.complaint_id, case.row.version,
                                    voucher(), key="r1")
