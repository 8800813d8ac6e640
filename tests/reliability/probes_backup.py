"""Probes of damaged databases, backups and upgrades (issue 8): the real CLI as new processes,
and backups taken while another process writes.

- ``damaged databases``: each damaged, unknown or unreachable database of
  :mod:`tests.damaged` fed to ``frontdesk find``; right is a message and a non-zero
  exit, no traceback, and the files left byte-for-byte as they were.
- ``backup while writing``: a writer process registers clients without pause
  (each acknowledged id noted in a file); backups are taken meanwhile through the
  backup service, each restored into a scratch file, which must pass
  ``integrity_check`` and hold every registration acknowledged before its backup
  began, as one snapshot (the first k registrations, no gaps).
- ``failed upgrade restarts``: a database whose upgrade fails, started three times;
  right is one copy before the upgrade in all, the database unchanged, and a message.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from sqlalchemy import text

from frontdesk.db import Database
from frontdesk.migrate import alembic_config, is_known_revision, migrating
from frontdesk.services.backup.service import MANUAL
from frontdesk.services.registry import Services
from frontdesk.storage.backups import ServerBackups, check_backup, list_backups, restore
from tests.conftest import ADMIN_PASSWORD, FakeClock
from tests.damaged import SQLITE_DAMAGE, Case, kept, pg_cases, run_cli, sqlite_case
from tests.reliability.probe import Backend, Outcome, probe

BACKUPS_WHILE_WRITING = 5
STARTS = 3


@contextmanager
def _folder() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-probe-"))
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o700 if path.is_dir() else 0o600)  # the read-only case's folder
        shutil.rmtree(folder, ignore_errors=True)


def _cases(backend: Backend, folder: Path) -> Iterator[Case]:
    if backend.name == "sqlite":
        for name in SQLITE_DAMAGE:
            yield sqlite_case(name, folder, clients=200)
        return
    with backend.fresh():
        yield from pg_cases(backend.pg_url, folder)


@probe("damaged databases", "each damaged, unknown or unreachable database (cut in half, "
       "garbage in a page, a text file, 0 bytes, a newer schema, a read-only folder; on "
       "PostgreSQL a wrong password, no server, a newer schema, no such database) fed to "
       "`frontdesk find`")
def damaged_databases(backend: Backend) -> Outcome:
    attempts = accepted = lost = errors = 0
    with _folder() as folder:
        for case in _cases(backend, folder):
            run = run_cli(case, "find", "0123", "--as", "admin")
            attempts += 1
            errors += run.traceback
            lost += not kept(case)
            accepted += run.code != 0 and run.stderr.startswith("frontdesk: ") \
                and not run.traceback and kept(case)
    return Outcome(attempts, accepted, lost, errors, "accepted = attempts (a message, exit ≠ 0), "
                   "lost = 0 (files kept)",
                   accepted == attempts and lost == 0 and errors == 0)


@dataclass(frozen=True)
class _Writer:
    url: str
    acks: Path
    username: str
    """Who the writer process signs in as (an actor is signed for the process that signed it)."""


def _write_until_stopped(writer: _Writer, stop: object) -> None:
    """The writer process: register clients, noting each id once it is acknowledged."""
    from frontdesk.services.clients.registration import NewClient

    db = Database(writer.url)
    services = Services(db, FakeClock(), photos_dir=writer.acks.parent / "photos")
    admin = services.auth.sign_in(writer.username, ADMIN_PASSWORD)
    with writer.acks.open("a", encoding="utf-8") as acks:
        n = 0
        while not stop.is_set():  # type: ignore[attr-defined]
            done = services.clients.register(admin, NewClient(
                name=f"顾客{n}", phone=f"1370000{n:04d}"))
            acks.write(f"{done.client_id}\n")
            acks.flush()
            n += 1
    db.dispose()


def _acknowledged(acks: Path) -> list[int]:
    return [int(line) for line in acks.read_text(encoding="utf-8").splitlines()]


def _ids_after_restore(backup: Path, scratch: Path) -> list[int]:
    """Restore ``backup`` into a scratch file (the real restore), check it, read its clients."""
    restore(backup, scratch, scratch.parent / "kept", dt.datetime.now(dt.UTC), is_known_revision)
    check_backup(scratch)
    con = sqlite3.connect(scratch)
    try:
        return [row[0] for row in con.execute("SELECT id FROM client ORDER BY id")]
    finally:
        con.close()


def _backups_while_writing(db: Database, folder: Path) -> tuple[int, int, int]:
    """(accepted, lost, raw errors) of backups taken while a writer process runs."""
    services = Services(db, FakeClock(), photos_dir=folder / "photos")
    admin = services.store.initialise("水沐莲清", "admin", "管理员", ADMIN_PASSWORD)
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    writer = _Writer(db.url, folder / "acks.txt", admin.username)
    writer.acks.touch()
    process = context.Process(target=_write_until_stopped, args=(writer, stop))
    process.start()
    accepted = lost = errors = 0
    try:
        for n in range(BACKUPS_WHILE_WRITING):
            while len(_acknowledged(writer.acks)) < 20 * (n + 1) and process.is_alive():
                stop.wait(0.05)
            before = _acknowledged(writer.acks)
            try:
                made = services.backups.back_up(MANUAL, to=folder)
                ids = _ids_after_restore(made.path, folder / f"restored-{n}.sqlite3")
            except Exception:  # a raw error: what the probe counts
                errors += 1
                continue
            everything = _acknowledged(writer.acks)
            missing = set(before) - set(ids)
            lost += len(missing)
            accepted += not missing and ids == everything[:len(ids)]
    finally:
        stop.set()
        process.join(60)
    return accepted, lost, errors + (process.exitcode != 0)


@probe("backup while writing", f"{BACKUPS_WHILE_WRITING} backups (`frontdesk backup`'s "
       "service) taken while another process registers clients without pause; each restored "
       "into a scratch file: integrity_check, every write acknowledged before it, one snapshot")
def backup_while_writing(backend: Backend) -> Outcome:
    if backend.name != "sqlite":
        with backend.fresh() as db:
            try:
                Services(db, FakeClock(), photos_dir=Path(tempfile.gettempdir())).backups.back_up()
            except ServerBackups:
                return Outcome(1, 0, 0, 0, "refused: pg_dump is the server administrator's",
                               True)
            return Outcome(1, 1, 0, 0, "refused: pg_dump is the server administrator's", False)
    with backend.fresh() as db, _folder() as folder:
        accepted, lost, errors = _backups_while_writing(db, folder)
    return Outcome(BACKUPS_WHILE_WRITING, accepted, lost, errors,
                   "accepted = attempts, lost = 0",
                   accepted == BACKUPS_WHILE_WRITING and lost == 0 and errors == 0)


def _at_0002_with_a_clash(db: Database) -> None:
    config = alembic_config()
    with migrating(db) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.execute(text("CREATE TABLE consultation_photo (id INTEGER PRIMARY KEY)"))


def _failing_upgrade(backend: Backend, folder: Path) -> tuple[Case, Path | None]:
    if backend.name == "sqlite":
        path = folder / "data" / "frontdesk.sqlite3"
        path.parent.mkdir()
        db = Database(f"sqlite:///{path}")
        _at_0002_with_a_clash(db)
        db.dispose()
        return Case("failing upgrade", path.parent), path
    db = Database(backend.pg_url)
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    _at_0002_with_a_clash(db)
    db.dispose()
    return Case("failing upgrade", folder, backend.pg_url), None


@probe("failed upgrade restarts", f"a database whose schema upgrade fails, started "
       f"{STARTS} times (`frontdesk find`): copies made before the upgrade, and whether the "
       "database stayed as it was")
def failed_upgrade_restarts(backend: Backend) -> Outcome:
    with _folder() as folder:
        case, path = _failing_upgrade(backend, folder)
        before = path.read_bytes() if path else b""
        runs = [run_cli(case, "find", "0123", "--as", "admin") for _ in range(STARTS)]
        copies = len(list_backups(path.parent / "backups", "frontdesk")) if path else 0
        changed = path is not None and path.read_bytes() != before
        db = Database(case.url or f"sqlite:///{path}")
        with db.connect() as conn:
            changed |= conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                != "0002"
        db.dispose()
    told = sum(r.code == 3 and "could not be brought" in r.stderr for r in runs)
    errors = sum(r.traceback for r in runs)
    right = copies <= 1 and not changed and told == STARTS and errors == 0
    return Outcome(STARTS, copies, int(changed), errors,
                   "accepted (copies) ≤ 1, lost = 0 (unchanged), a message each time", right)

