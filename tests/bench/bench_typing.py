"""Benchmark: how long the desk's window is busy while someone types in the search box.

``python -m tests.bench typing [--clients N]`` (uses the search benchmark's database)

The search itself runs on a worker thread; what the UI thread does is (1) handle
the keystroke (restart a short timer), (2) show the hits that come back (reset a
table model of ≤ 20 rows), and, on Enter or a barcode scanner's Enter, (3) run
the search on the UI thread and show it. Each is timed on the real SearchPanel
in an offscreen window, beside a floor measured in the same run: a keystroke
into a bare QLineEdit, filling a bare QStandardItemModel with the same cells, and
the search service call alone. The budget is 50 ms for anything on the UI thread.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3

from frontdesk.core.names import readings
from frontdesk.db import Database
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.services.registry import Services
from tests.bench.bench_search import DESK_USER, ensure_database
from tests.bench.stats import Row, markdown_table, time_each

BUDGET_MS = 50.0
_APP: object = None  # the QApplication lives as long as the process


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Shares --clients and --seed with the search benchmark."""


def _queries(path: str, n: int, seed: int) -> list[str]:
    raw = sqlite3.connect(path)
    rows = raw.execute("SELECT name, phone_last4 FROM client "
                       "WHERE phone_last4 IS NOT NULL ORDER BY id LIMIT 20000").fetchall()
    raw.close()
    rng = random.Random(seed)
    picked = rng.sample(rows, min(n, len(rows)))
    return [rng.choice((name[:2], tail, _initials(name))) for name, tail in picked]


def _initials(name: str) -> str:
    """The initials of the name's first reading (``zs`` for 张三)."""
    return "".join(s[0] for s in readings(name)[0] if s)


def run(args: argparse.Namespace) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    global _APP
    _APP = QApplication.instance() or QApplication([])
    path = ensure_database(args.clients, args.seed)
    db = Database(f"sqlite:///{path}")
    services = Services(db, photos_dir=path.parent / "photos")
    rows = _measure(services, _queries(str(path), max(100, args.queries // 2), args.seed))
    db.dispose()
    worst = max(r.ours.p95 for r in rows)
    verdict = "within" if worst <= BUDGET_MS else "OVER"
    return (markdown_table(f"Typing in the desk search at {args.clients:,} clients", rows)
            + f"\n\nWorst p95 on the UI thread: {worst:.2f} ms — {verdict} the "
              f"{BUDGET_MS:.0f} ms budget.")


def _measure(services: Services, queries: list[str]) -> list[Row]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from frontdesk.ui.desk.search_panel import SearchPanel
    from frontdesk.ui.worker import DbWorker

    actor = services.auth.sign_in(DESK_USER, DEMO_PASSWORD)  # a receptionist of the demo store
    worker = DbWorker()
    panel = SearchPanel(services, actor, worker)
    panel.resize(700, 500)
    panel.show()
    bare = QLineEdit()
    bare.show()
    hits = {q: services.search.search(actor, q) for q in queries}

    def keystroke(q: object) -> None:
        panel.box.clear()
        QTest.keyClicks(panel.box, str(q)[:1])

    def bare_keystroke(q: object) -> None:
        bare.clear()
        QTest.keyClicks(bare, str(q)[:1])

    def show(q: object) -> None:
        panel._show(hits[str(q)], str(q), panel._seq)

    def bare_show(q: object) -> None:
        model = QStandardItemModel(0, 6)
        for hit in hits[str(q)]:
            model.appendRow([QStandardItem(str(v)) for v in
                             (hit.name, hit.tier, hit.phone, hit.last_visit, "", hit.flags)])

    def enter(q: object) -> None:
        panel.box.setText(str(q))
        QTest.keyClick(panel.box, Qt.Key.Key_Return)

    def search_only(q: object) -> None:
        services.search.search(actor, str(q))

    typed = [q for q in queries if q.isascii()]  # Chinese arrives whole, from the input method
    rows = [Row("keystroke", time_each("k", keystroke, typed),
                time_each("k0", bare_keystroke, typed)),
            Row("show hits", time_each("s", show, queries), time_each("s0", bare_show, queries)),
            Row("Enter: search + show", time_each("e", enter, queries),
                time_each("e0", search_only, queries))]
    worker.shutdown()
    for widget in (panel, bare):
        widget.close()
        widget.deleteLater()
    QTest.qWait(10)
    return rows
