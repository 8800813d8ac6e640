"""Alembic migrations of the FrontDesk schema (run from the package, no alembic.ini needed)."""

HEAD = "0013"
"""The newest revision under ``versions/``. Start-up compares a database's
``alembic_version`` with it and loads Alembic only when they differ, so a new
migration must move it (``tools/new_migration.py`` does; ``tests/unit/test_db.py``
fails while it differs from the head Alembic finds)."""
