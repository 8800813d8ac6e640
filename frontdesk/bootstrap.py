"""Start-up shared by the GUI (``app.py``) and the terminal (``cli.py``).

Paths come from :func:`frontdesk.config.load_paths` (the environment) in the
composition roots; from them this module opens the database, brings it to the
current schema (after a backup copy), brings the photo files of earlier versions
into it, and builds the services.

An SQLite file is looked at before SQLite opens it
(:func:`frontdesk.storage.sqlite_file.check_database_file`): an empty, foreign,
cut-short or unwritable file is refused with a ``StorageError`` naming it, and
left as it is, rather than turned into a new empty store. Its folder is made
0700 and the file and its WAL 0600 (:mod:`frontdesk.storage.private`).

It imports the database layer only when called: ``frontdesk`` imports this module
on its way to the GUI, whose sign-in dialog shows before SQLAlchemy has loaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.config import Paths
from frontdesk.core.context import Clock, system_clock
from frontdesk.errors import StorageError, StorageProblem

if TYPE_CHECKING:
    from frontdesk.db import Database
    from frontdesk.demo.fill import DemoAccount
    from frontdesk.services.registry import Services


def sqlite_file(paths: Paths) -> Path | None:
    """The database file, or None for a server."""
    from frontdesk.db import sqlite_path

    return sqlite_path(paths.database_url)


def connect(paths: Paths) -> Database:
    """The configured database as it is, after looking at an SQLite file (module docstring)."""
    from frontdesk.db import Database

    path = sqlite_file(paths)
    if path is not None:
        with naming(path):
            _prepare_sqlite_file(paths, path)
    return Database(paths.database_url)


def _prepare_sqlite_file(paths: Paths, path: Path) -> None:
    from frontdesk.storage.private import database_files, make_private, private_dir
    from frontdesk.storage.sqlite_file import check_database_file

    try:
        private_dir(paths.data_dir)
        private_dir(path.parent)
    except OSError as exc:
        raise StorageError(StorageProblem.READ_ONLY,
                           f"the folder {path.parent} cannot be made: {exc.strerror}") from exc
    check_database_file(path)
    make_private(*database_files(path))


def open_database(paths: Paths) -> Database:
    """The configured database, upgraded to the current schema (after a backup)."""
    from frontdesk.migrate import upgrade
    from frontdesk.storage.backups import default_folder
    from frontdesk.storage.private import database_files, make_private

    db = connect(paths)
    path = sqlite_file(paths)
    try:
        with naming(path):
            upgrade(db, default_folder(path) if path else None)
    except BaseException:
        db.dispose()
        raise
    if path is not None:  # a new file: SQLite made it (and its WAL) with the umask's mode
        make_private(*database_files(path))
    _adopt_photo_files(paths, db)
    return db


def photos_folder(paths: Paths) -> Path:
    """Where this PC kept consultation photos before they moved into the database."""
    return paths.data_dir / "photos"


def _adopt_photo_files(paths: Paths, db: Database) -> None:
    """Bring this PC's photo files of earlier versions into the database. A PC without a
    photos folder (every new one) costs one look at the disk; one whose photos all have
    their picture, one Core query (``frontdesk find`` still starts without the ORM)."""
    folder = photos_folder(paths)
    if not folder.is_dir():
        return
    try:
        with naming(sqlite_file(paths)):
            if _a_photo_lacks_its_picture(db):
                from frontdesk.services.health.photos import adopt_files

                adopt_files(db, folder)
    except BaseException:
        db.dispose()
        raise


def _a_photo_lacks_its_picture(db: Database) -> bool:
    """True when the bytes of some photo are not in the database (Core, without the ORM)."""
    from sqlalchemy import text

    with db.connect() as conn:
        return conn.execute(text(
            "SELECT 1 FROM consultation_photo p WHERE NOT EXISTS (SELECT 1 FROM "
            "consultation_photo_data d WHERE d.photo_id = p.id) LIMIT 1")).first() is not None


@contextmanager
def naming(path: Path | None) -> Iterator[None]:
    """Storage errors raised inside name the database file (so its backups can be listed)."""
    try:
        yield
    except StorageError as exc:
        if path is not None and not exc.path:
            exc.path = str(path)
        raise


def build_services(paths: Paths, db: Database, clock: Clock = system_clock) -> Services:
    """The services over ``db`` (their photo files of earlier versions in the data folder)."""
    from frontdesk.services.registry import Services

    return Services(db, clock, photos_dir=photos_folder(paths))


class DemoStoreLoader:
    """Fills a database with a demo store (the set-up wizard offers it), and says first which
    sign-in accounts it adds and their password, so the wizard shows them before it does."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def password(self) -> str:
        from frontdesk.demo.data import DEMO_PASSWORD

        return DEMO_PASSWORD

    def accounts(self, language: str) -> tuple[DemoAccount, ...]:
        """The accounts beside the wizard's admin, their names in ``language``."""
        from frontdesk.demo.fill import demo_accounts

        return demo_accounts(language, with_admin=False)

    def __call__(self, clients: int, language: str) -> object:
        from frontdesk.demo.fill import DemoOptions, fill_demo

        return fill_demo(self._db, DemoOptions(clients=clients, language=language))


def demo_loader(db: Database) -> DemoStoreLoader:
    """The demo store loader for ``db``."""
    return DemoStoreLoader(db)
