"""A profile opens without measuring its history tables: their columns fit the rows once the
History tab is in sight (or at once, when it already is)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QTableView

from frontdesk.core.context import Actor
from frontdesk.models import ConsumptionLine, LineKind, Visit
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services
from frontdesk.ui.clients.clients_page import ClientsPage
from frontdesk.ui.worker import DbWorker

LONG_PURPOSE = "补水护理疗程、肩颈经络舒缓与玫瑰精油全身护理"


def fits(table: QTableView) -> bool:
    """Every column at least as wide as its header and its widest cell ask."""
    header = table.horizontalHeader()
    return all(table.columnWidth(c) >= max(table.sizeHintForColumn(c),
                                           header.sectionSizeHint(c))
               for c in range(header.count() - 1))  # the last one stretches


def _visits(services: Services, admin: Actor, client_id: int, count: int,
            purpose: str) -> None:
    with services.db.write() as s:
        for i in range(count):
            at = services.clock() - dt.timedelta(days=i + 1)
            visit = Visit(branch_id=admin.branch_id, client_id=client_id, arrived_at=at,
                          purpose=purpose, total_fen=38800)
            s.add(visit)
            s.flush()
            s.add(ConsumptionLine(branch_id=admin.branch_id, visit_id=visit.id,
                                  client_id=client_id, at=at, kind=LineKind.SERVICE,
                                  description=purpose, unit_price_fen=38800,
                                  amount_fen=38800))


@pytest.fixture
def clients(services: Services, admin: Actor) -> tuple[int, int]:
    ids = []
    for name, phone, purpose in (("单丽华", "13800131234", LONG_PURPOSE),
                                 ("曾晓", "13900005678", LONG_PURPOSE * 2)):  # wider still
        client_id = services.clients.register(admin, NewClient(name=name, phone=phone)).client_id
        _visits(services, admin, client_id, 3, purpose)
        ids.append(client_id)
    return ids[0], ids[1]


def test_history_columns_fit_when_the_tab_comes_into_sight(
        qtbot, services: Services, admin: Actor, worker: DbWorker, translations,
        clients: tuple[int, int]) -> None:
    page = ClientsPage(services, admin, worker)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    profile = page.profile
    assert page.open_client(clients[0])
    assert profile.tabs.currentWidget() is not profile.history
    profile.tabs.setCurrentWidget(profile.history)
    assert fits(profile.history.visits_table) and fits(profile.history.consumption_table)
    assert page.open_client(clients[1])  # the History tab in sight: fitted at once
    assert fits(profile.history.visits_table)
