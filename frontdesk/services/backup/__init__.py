"""Backups of the store's SQLite file while the program runs (see :mod:`.service`)."""
