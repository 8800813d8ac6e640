"""Visitor classes (访客类别): how the desk receives a client.

A special visitor is a known trouble-maker: every screen that shows the client
warns the desk. The models store the class as its value; the search reads it
without loading the models.
"""

from __future__ import annotations

import enum


class VisitorClass(enum.StrEnum):
    GENERAL = "general"
    IMPORTANT = "important"
    GUEST = "guest"
    SPECIAL = "special"  # a known trouble-maker: warn the desk
