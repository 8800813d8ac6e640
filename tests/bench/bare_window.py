"""The start-up benchmark's GUI floors: the least a themed PySide6 dialog costs to show.

``python tests/bench/bare_window.py [--database URL]`` (run by
``bench_startup.py`` with ``FRONTDESK_STARTUP_PROBE=1`` and the offscreen
platform): a QApplication, qt-material's ``apply_stylesheet`` with FrontDesk's
theme, and a dialog with a title, two fields and a button, shown. The same probe
as the program's reports the first paint and quits, so both are measured to the
same moment.

With ``--database`` it first reads the store's name the least way SQLAlchemy's
ORM can (one mapped class, one query), as a sign-in dialog that names the store
must: the floor for a program that opens its database before the dialog.
"""

from __future__ import annotations

import argparse
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


def store_name(url: str) -> str:
    """The first branch's name through SQLAlchemy's ORM, declared here with one table."""
    from sqlalchemy import Integer, String, create_engine, select
    from sqlalchemy.orm import DeclarativeBase, Session, mapped_column

    class Base(DeclarativeBase):
        pass

    class Branch(Base):  # columns unannotated: Mapped[] would not resolve in a function
        __tablename__ = "branch"
        id = mapped_column(Integer, primary_key=True)
        name = mapped_column(String(120))

    engine = create_engine(url)
    with Session(engine) as session:
        name = session.scalar(select(Branch.name).order_by(Branch.id).limit(1))
    engine.dispose()
    return name or ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", metavar="URL", help="read the store's name from it first")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    startup_probe.install(app)
    apply_stylesheet(app, theme="light_teal.xml")
    name = store_name(args.database) if args.database else "A store"
    dialog = QDialog(objectName="bareDialog")
    dialog.setWindowTitle(f"Sign in — {name}")
    form = QFormLayout()
    form.addRow("User name", QLineEdit())
    form.addRow("Password", QLineEdit(echoMode=QLineEdit.EchoMode.Password))
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(name))
    layout.addLayout(form)
    layout.addWidget(QPushButton("Sign in"))
    dialog.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
