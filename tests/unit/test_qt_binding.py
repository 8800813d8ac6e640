"""The Qt binding itself: a fault in it that would end a day at the desk.

PySide6 6.12.0 on Python 3.11 released ``None`` once too often every time a method
that returns nothing was called (``setText``, ``setFocus``…). ``None`` is an ordinary
object there (it is immortal only from Python 3.12), so once the calls outnumbered its
references the interpreter aborted with "deallocating None": a desk refreshing its
board every few seconds died within hours, and long test runs crashed at exit. The
pin in pyproject.toml keeps that release out; this test keeps it out for good.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject

CALLS = 5000


def _references_to_none() -> int:
    gc.collect()
    return sys.getrefcount(None)


def test_a_qt_method_that_returns_nothing_keeps_the_count_of_none() -> None:
    thing = QObject()
    before = _references_to_none()
    for _ in range(CALLS):
        thing.setObjectName("x")  # returns nothing: None, given back to Python each time
    lost = before - _references_to_none()
    assert lost < CALLS // 10, f"{lost} references to None lost in {CALLS} calls"
