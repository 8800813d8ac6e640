"""Where FrontDesk keeps its files and which database it opens.

Plain Python (no Qt): the CLI, the services and the GUI all read the same paths.
Environment variables override the defaults, which is how tests, demos and a
multi-terminal store (PostgreSQL) point the program elsewhere:

- ``FRONTDESK_DATABASE_URL``: an SQLAlchemy URL (``postgresql+psycopg://…``).
- ``FRONTDESK_DATA_DIR``: the folder for the embedded SQLite file and backups.
- ``FRONTDESK_LOG_DIR``: the folder for the log file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "FrontDesk"
DB_FILE_NAME = "frontdesk.sqlite3"


@dataclass(frozen=True)
class Paths:
    """The folders and the database URL for one run of the program."""

    data_dir: Path
    log_dir: Path
    database_url: str

    @property
    def log_file(self) -> Path:
        return self.log_dir / "frontdesk.log"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite file."""
    return f"sqlite:///{path}"


def load_paths(database_url: str | None = None) -> Paths:
    """Paths from the environment, falling back to the user's platform folders."""
    data_dir = Path(os.environ.get("FRONTDESK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))
    log_dir = Path(os.environ.get("FRONTDESK_LOG_DIR") or platformdirs.user_log_dir(APP_NAME))
    url = (
        database_url
        or os.environ.get("FRONTDESK_DATABASE_URL")
        or sqlite_url(data_dir / DB_FILE_NAME)
    )
    return Paths(data_dir=data_dir, log_dir=log_dir, database_url=url)
