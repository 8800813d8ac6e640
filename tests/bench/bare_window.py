"""The start-up benchmark's GUI floor: the least a themed PySide6 dialog costs to show.

``python tests/bench/bare_window.py`` (run by ``bench_startup.py`` with
``FRONTDESK_STARTUP_PROBE=1`` and the offscreen platform): a QApplication,
qt-material's ``apply_stylesheet`` with FrontDesk's theme, and a dialog with a
title, two fields and a button, shown. The same probe as the program's reports
the first paint and quits, so both are measured to the same moment.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)
from qt_material import apply_stylesheet

from frontdesk.ui import startup_probe


def main() -> int:
    app = QApplication(sys.argv)
    startup_probe.install(app)
    apply_stylesheet(app, theme="light_teal.xml")
    dialog = QDialog(objectName="bareDialog")
    dialog.setWindowTitle("Sign in")
    form = QFormLayout()
    form.addRow("User name", QLineEdit())
    form.addRow("Password", QLineEdit(echoMode=QLineEdit.EchoMode.Password))
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("A store"))
    layout.addLayout(form)
    layout.addWidget(QPushButton("Sign in"))
    dialog.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
