"""The special-client types (客人类型) of the latest consultation reach the desk's card and the
board, for the roles that see health records only."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.core.context import Actor, Role
from frontdesk.services.clients.profile import BasicsChanges
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.health.form import ClientType, ConsultationForm
from frontdesk.services.registry import Services
from frontdesk.services.special_clients import SpecialClient
from tests.unit.test_appointments import Desk, at, make_desk
from tests.unit.test_clients import staff_actor


@pytest.fixture
def desk(services: Services, admin: Actor) -> Desk:
    desk = make_desk(services, admin)
    for client in (desk.client_id, desk.client2_id):
        basics = services.profile.profile(admin, client).basics
        services.profile.update_basics(admin, client, basics.version,
                                       BasicsChanges(consent_health=True))
    return desk


def consult(services: Services, admin: Actor, client_id: int, day: int,
            **types: bool) -> None:
    services.consultation.save(admin, client_id, ConsultationForm(
        client_type=ClientType(**types), taken_on=dt.date(2026, 11, day)))


def test_the_latest_consultation_marks_the_card_and_every_board_row(
        services: Services, admin: Actor, desk: Desk) -> None:
    consult(services, admin, desk.client_id, 20, distrustful=True, new_course=True)
    consult(services, admin, desk.client_id, 1, nervous=True, new_client=True)  # typed late
    consult(services, admin, desk.client2_id, 20, highly_strung=True)
    services.visits.check_in(admin, CheckIn(desk.client_id))
    services.appointments.book(admin, desk.client2_id, at(15), duration_min=60)
    latest = (SpecialClient.DISTRUSTFUL, SpecialClient.NEW_COURSE)
    assert services.clients.get_summary(admin, desk.client_id).special_client == latest
    board = services.visits.board(admin)
    assert [r.special_client for r in board.waiting] == [latest]
    assert [r.special_client for r in board.expected] == [(SpecialClient.HIGHLY_STRUNG,)]


def test_a_receptionist_sees_no_mark_and_neither_does_anyone_once_consent_is_withdrawn(
        services: Services, admin: Actor, desk: Desk) -> None:
    consult(services, admin, desk.client_id, 20, nervous=True)
    services.visits.check_in(admin, CheckIn(desk.client_id))
    receptionist = staff_actor(services, admin, "qiantai", Role.RECEPTIONIST)
    consultant = staff_actor(services, admin, "guwen2", Role.CONSULTANT)
    assert services.clients.get_summary(receptionist, desk.client_id).special_client == ()
    assert services.visits.board(receptionist).waiting[0].special_client == ()
    assert services.visits.board(consultant).waiting[0].special_client == (
        SpecialClient.NERVOUS,)
    basics = services.profile.profile(admin, desk.client_id).basics
    services.profile.update_basics(admin, desk.client_id, basics.version,
                                   BasicsChanges(consent_health=False))
    assert services.visits.board(consultant).waiting[0].special_client == ()
    assert services.clients.get_summary(admin, desk.client_id).special_client == ()


def test_a_latest_consultation_without_types_clears_the_mark(
        services: Services, admin: Actor, desk: Desk) -> None:
    consult(services, admin, desk.client_id, 1, new_client=True)
    consult(services, admin, desk.client_id, 20)
    assert services.clients.get_summary(admin, desk.client_id).special_client == ()
