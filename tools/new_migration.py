"""Autogenerate an Alembic migration from the models: `python tools/new_migration.py "message"`.

Upgrades a scratch SQLite database to the current head, compares it with the
models and writes the difference as a new revision under
frontdesk/migrations/versions/, then moves ``HEAD`` in
frontdesk/migrations/__init__.py to it (start-up compares databases with that
constant). Review what it wrote before committing.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from alembic import command

from frontdesk import migrations
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
            script = command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
        db.dispose()
    if script is not None and not isinstance(script, list):
        set_head(script.revision)


def set_head(revision: str) -> None:
    """Point ``HEAD`` in frontdesk/migrations/__init__.py at the new revision."""
    path = Path(migrations.__file__)
    source = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'^HEAD = "[^"]*"', f'HEAD = "{revision}"', source, count=1,
                           flags=re.MULTILINE), encoding="utf-8")
    print(f"HEAD in {path} is now {revision!r}")


if __name__ == "__main__":
    main()
