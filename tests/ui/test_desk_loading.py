"""The desk appears at once: today's board is read on the worker thread, the page says it is
loading meanwhile, and a board read before an action never replaces the one after it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from sqlalchemy import event

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from frontdesk.ui.desk.desk_page import DeskPage
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.worker import DbWorker


@contextmanager
def on_the_ui_thread(db: Database) -> Iterator[list[str]]:
    """The statements the engine runs on the main (UI) thread meanwhile."""
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


@contextmanager
def worker_held(worker: DbWorker) -> Iterator[threading.Event]:
    """The worker thread is kept busy until the event is set (or the block ends)."""
    release = threading.Event()
    worker.submit(release.wait, lambda _r: None, lambda _e: None)
    try:
        yield release
    finally:
        release.set()


def worker_done(worker: DbWorker) -> None:
    """Wait (without running the UI's event loop) until the jobs submitted so far have run."""
    done = threading.Event()
    worker.submit(done.set, lambda _r: None, lambda _e: None)
    assert done.wait(10)


@pytest.fixture
def waiting_client(services: Services, admin: Actor) -> int:
    """A client checked in and waiting: a row for the board to show."""
    client = services.clients.register(admin, NewClient(name="单丽华", phone="13800131234"))
    services.visits.check_in(admin, CheckIn(client.client_id))
    return client.client_id


def test_showing_the_desk_reads_the_board_off_the_ui_thread(
        qtbot, services: Services, admin: Actor, local_settings: LocalSettings,
        worker: DbWorker, translations, waiting_client: int) -> None:
    from frontdesk.ui.main_window import MainWindow

    window = MainWindow(services, admin, local_settings, worker)
    qtbot.addWidget(window)
    desk = window.page("desk")
    assert isinstance(desk, DeskPage)
    with on_the_ui_thread(services.db) as ui_statements, worker_held(worker) as release:
        window.show()
        qtbot.waitExposed(window)
        assert desk.board.board is None
        assert desk.board.tree.topLevelItem(0).text(0) == "正在读取今天的看板…"
        release.set()
        qtbot.waitUntil(lambda: desk.board.board is not None, timeout=5000)
    assert ui_statements == []
    assert [v.client_id for v in desk.board.board.waiting] == [waiting_client]


def test_a_board_read_before_an_action_does_not_replace_the_one_after(
        qtbot, main_window, services: Services, admin: Actor, worker: DbWorker,
        waiting_client: int) -> None:
    desk = main_window.page("desk")
    qtbot.waitUntil(lambda: desk.board.board is not None, timeout=5000)
    with worker_held(worker) as release:
        desk.board.refresh_async()  # will read the board with one client waiting
        release.set()
    worker_done(worker)  # read; its delivery waits for the UI's event loop
    other = services.clients.register(admin, NewClient(name="曾晓", phone="13900005678"))
    services.visits.check_in(admin, CheckIn(other.client_id))
    desk.board.refresh_now()  # what the desk does after its own check-in
    QCoreApplication.processEvents()  # delivers the older board now
    assert {v.client_id for v in desk.board.board.waiting} == {waiting_client,
                                                                other.client_id}
