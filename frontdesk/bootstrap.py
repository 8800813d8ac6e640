"""Start-up shared by the GUI (``app.py``) and the terminal (``cli.py``).

Paths come from :func:`frontdesk.config.load_paths` (the environment) in the
composition roots; from them this module opens the database, brings it to the
current schema (after a backup copy), and builds the services.

It imports the database layer only when called: ``frontdesk`` imports this module
on its way to the GUI, whose sign-in dialog shows before SQLAlchemy has loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from frontdesk.config import Paths
from frontdesk.core.context import Clock, system_clock

if TYPE_CHECKING:
    from frontdesk.db import Database
    from frontdesk.services.registry import Services


def connect(paths: Paths) -> Database:
    """The configured database as it is (its folder made for an SQLite file)."""
    from frontdesk.db import Database

    if paths.is_sqlite:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
    return Database(paths.database_url)


def open_database(paths: Paths) -> Database:
    """The configured database, upgraded to the current schema (after a backup)."""
    from frontdesk.migrate import upgrade

    db = connect(paths)
    try:
        upgrade(db, paths.backup_dir)
    except BaseException:
        db.dispose()
        raise
    return db


def build_services(paths: Paths, db: Database, clock: Clock = system_clock) -> Services:
    """The services over ``db``, keeping their files (photos) in the data folder."""
    from frontdesk.services.registry import Services

    return Services(db, clock, photos_dir=paths.data_dir / "photos")


def demo_loader(db: Database) -> Callable[[int], object]:
    """Fills ``db`` with a demo store of N clients (the set-up wizard offers it)."""

    def load(clients: int) -> object:
        from frontdesk.demo.fill import DemoOptions, fill_demo

        return fill_demo(db, DemoOptions(clients=clients))

    return load
