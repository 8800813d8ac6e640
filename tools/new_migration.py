"""Autogenerate an Alembic migration from the models: `python tools/new_migration.py "message"`.

Upgrades a scratch SQLite database to the current head, compares it with the
models and writes the difference as a new revision under
frontdesk/migrations/versions/. Review what it wrote before committing.
"""

from __future__ import annotations

import sys
import tempfile

from alembic import command

from frontdesk.db import Database
from frontdesk.migrate import alembic_config, upgrade


def main() -> None:
    message = sys.argv[1] if len(sys.argv) > 1 else "schema change"
    rev_id = sys.argv[2] if len(sys.argv) > 2 else None
    with tempfile.TemporaryDirectory() as scratch:
        db = Database(f"sqlite:///{scratch}/scratch.sqlite3")
        upgrade(db)
        config = alembic_config()
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        db.dispose()


if __name__ == "__main__":
    main()
