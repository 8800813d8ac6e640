"""Reliability probes: the desk attacked through its real services with real concurrent
connections, on SQLite and on PostgreSQL. Run with ``make reliability``; see probe.py."""
