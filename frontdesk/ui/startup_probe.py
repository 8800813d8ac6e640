"""A probe for the start-up benchmark: when did the first window appear?

With ``FRONTDESK_STARTUP_PROBE`` set in the environment, the first top-level
window to finish painting prints ``frontdesk-startup-probe <objectName>`` on
stderr and the application quits. ``tests/bench/bench_startup.py`` times a real
``frontdesk`` process from its start to that line (the sign-in dialog is
``loginDialog``), beside a bare PySide6 window that installs the same probe.
Without the variable nothing is installed and nothing changes.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "FRONTDESK_STARTUP_PROBE"
MARKER = "frontdesk-startup-probe"


class _FirstWindowPainted(QObject):
    """Application-wide event filter: reports the first window's first paint, once."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and watched.isWindow()):
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            name = watched.objectName() or type(watched).__name__
            # After this event returns, i.e. once the window has been drawn.
            QTimer.singleShot(0, lambda: _report(name))
        return False


def _report(window: str) -> None:
    print(f"{MARKER} {window}", file=sys.stderr, flush=True)
    QCoreApplication.quit()


def install(app: QCoreApplication) -> None:
    """Watch for the first painted window when the probe is asked for; else do nothing."""
    if not os.environ.get(ENV):
        return
    probe = _FirstWindowPainted(app)
    app.installEventFilter(probe)
