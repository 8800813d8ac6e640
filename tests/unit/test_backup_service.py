"""The automatic backups: due once a day, into the folder a manager chose, pruned by the rule,
recorded in the state file, and the desk's warning when the last good one is too old."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from frontdesk.core import retention
from frontdesk.core.context import Actor, Role
from frontdesk.db import Database, sqlite_path
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.models import AuditEntry
from frontdesk.services.backup.service import DAILY, MANUAL, BackupWarning
from frontdesk.services.registry import Services
from frontdesk.storage.backups import (
    BackupFile,
    BackupFolderMissing,
    ServerBackups,
    check_backup,
    default_folder,
    list_backups,
)
from frontdesk.storage.state import load_state
from tests.conftest import FakeClock


def _database(services: Services) -> Path:
    path = sqlite_path(services.db.url)
    assert path is not None
    return path


@pytest.fixture
def sqlite_services(sqlite_db: Database, clock: FakeClock, tmp_path: Path) -> Services:
    return Services(sqlite_db, clock, photos_dir=tmp_path / "photos")


@pytest.fixture
def manager(sqlite_services: Services) -> Actor:
    return sqlite_services.store.initialise("水沐莲清", "admin", "管理员", "correct-horse-9")


def test_the_daily_backup_is_made_once_a_day(sqlite_services: Services, manager: Actor,
                                             clock: FakeClock) -> None:
    backups = sqlite_services.backups
    assert backups.status().warning is BackupWarning.NEVER
    first = backups.run_if_due()
    assert first is not None and first.kind == DAILY and check_backup(first.path)
    assert first.path.parent == default_folder(_database(sqlite_services))
    assert backups.run_if_due() is None  # same day: not due
    clock.advance(hours=20)  # 10:30 → 06:30 the next morning, local time
    second = backups.run_if_due()
    assert second is not None and second.path != first.path
    status = backups.status()
    assert status.last_good is not None and status.last_good.path == str(second.path)
    assert status.last_good.size == second.path.stat().st_size
    assert status.warning is BackupWarning.NONE


def test_the_warning_comes_after_two_days_without_a_good_backup(
        sqlite_services: Services, manager: Actor, clock: FakeClock) -> None:
    backups = sqlite_services.backups
    backups.run_if_due()
    clock.advance(days=2)
    assert backups.status().warning is BackupWarning.NONE
    clock.advance(minutes=1)
    assert backups.status().warning is BackupWarning.OLD


def test_forty_days_of_backups_are_pruned_by_the_rule(sqlite_services: Services, manager: Actor,
                                                      clock: FakeClock) -> None:
    backups = sqlite_services.backups
    made = []
    for _day in range(40):
        made.append(backups.run_if_due())
        clock.advance(days=1)
    assert None not in made
    left = {b.path for b in list_backups(default_folder(_database(sqlite_services)), "frontdesk")}
    wanted = retention.keep((b.path, b.taken_at) for b in made if b is not None)
    assert left == wanted and len(left) < 40
    assert {b.path for b in made[-7:] if b is not None} <= left  # the last seven days


def test_a_chosen_folder_that_is_gone_fails_is_recorded_and_warned(
        sqlite_services: Services, manager: Actor, clock: FakeClock, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backups = sqlite_services.backups
    assert backups.choose_folder(manager, str(usb)) == usb
    assert backups.run_if_due() is not None and len(list_backups(usb, "frontdesk")) == 1
    usb.rename(tmp_path / "unplugged")
    clock.advance(days=1)
    assert backups.status().warning is BackupWarning.FOLDER_MISSING
    with pytest.raises(BackupFolderMissing):
        backups.run_if_due()
    tried = load_state(_database(sqlite_services)).last_attempt
    assert tried is not None and not tried.ok and tried.params == {"folder": str(usb)}
    clock.advance(minutes=59)
    assert not backups.is_due()  # not every tick: an hour between tries
    clock.advance(minutes=1)
    assert backups.is_due()


def test_choosing_the_folder_is_a_managers_audited_setting(
        sqlite_services: Services, manager: Actor, tmp_path: Path) -> None:
    backups = sqlite_services.backups
    sqlite_services.staff.add_staff(manager, "lily", "莉莉", Role.RECEPTIONIST, "desk-pass-1")
    lily = sqlite_services.auth.sign_in("lily", "desk-pass-1")
    with pytest.raises(PermissionDenied):
        backups.choose_folder(lily, str(tmp_path))
    with pytest.raises(PermissionDenied):
        backups.back_up_now(lily)
    with pytest.raises(ValidationError) as caught:
        backups.choose_folder(manager, "relative/folder")
    assert caught.value.field == "backup_folder"
    with pytest.raises(BackupFolderMissing):
        backups.choose_folder(manager, str(tmp_path / "nowhere"))
    assert backups.status().folder == default_folder(_database(sqlite_services))
    backups.choose_folder(manager, f"  {tmp_path}  ")
    assert backups.status().folder == tmp_path and backups.status().chosen
    assert backups.back_up_now(manager).path.parent == tmp_path
    with sqlite_services.db.read() as s:
        details = list(s.scalars(select(AuditEntry.detail).where(AuditEntry.entity == "setting")))
    assert details == [f"backup_folder={tmp_path}"]
    backups.choose_folder(manager, "")
    assert not backups.status().chosen


ROUNDS = 40
"""Rounds of two simultaneous backups (the race for one name is narrow: give it chances)."""


def test_two_backups_at_the_same_moment_are_two_good_files(sqlite_services: Services,
                                                           manager: Actor, tmp_path: Path) -> None:
    """Same second, same folder: two names, two verified files (``--to``: no pruning)."""
    for n in range(ROUNDS):
        folder = tmp_path / f"round-{n}"
        folder.mkdir()
        made, failed = _two_at_once(sqlite_services, folder)
        assert failed == [] and len({b.path for b in made}) == 2, (n, failed)
        assert all(check_backup(b.path) for b in made)


def _two_at_once(services: Services, folder: Path) -> tuple[list[BackupFile], list[BaseException]]:
    barrier = threading.Barrier(2)
    made: list[BackupFile] = []
    failed: list[BaseException] = []

    def back_up() -> None:
        try:
            barrier.wait()
            made.append(services.backups.back_up(MANUAL, to=folder))
        except BaseException as exc:  # pragma: no cover - reported by the caller
            failed.append(exc)

    threads = [threading.Thread(target=back_up) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return made, failed


def test_a_server_database_is_the_administrators_to_back_up(services: Services,
                                                            admin: Actor) -> None:
    backups = services.backups
    if services.db.is_sqlite:
        assert backups.status().available
        return
    assert not backups.status().available and not backups.is_due()
    assert backups.status().warning is BackupWarning.NONE
    for action in (lambda: backups.back_up(), lambda: backups.back_up_now(admin),
                   lambda: backups.choose_folder(admin, "/tmp")):
        with pytest.raises(ServerBackups):
            action()


def test_a_garbled_state_file_means_no_backup_known(sqlite_services: Services,
                                                    manager: Actor) -> None:
    from frontdesk.storage.state import state_file

    state_file(_database(sqlite_services)).write_text("{not json", encoding="utf-8")
    assert sqlite_services.backups.status().warning is BackupWarning.NEVER
    assert sqlite_services.backups.run_if_due() is not None
    assert sqlite_services.backups.status().warning is BackupWarning.NONE
