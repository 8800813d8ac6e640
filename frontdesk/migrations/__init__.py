"""Alembic migrations of the FrontDesk schema (run from the package, no alembic.ini needed)."""
