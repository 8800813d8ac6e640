"""The database as files on a disk: checked before SQLite opens them, copied to backups and
restored from them, and kept readable by their owner only.

Plain Python and the ``sqlite3`` module (no SQLAlchemy, no Qt), below the services:
start-up (``bootstrap``), the schema upgrade (``migrate``), the backup service and
the command line all use it.
"""
