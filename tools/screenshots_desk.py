"""Screenshots of the check-in desk on a demo store (run under xvfb-run).

    xvfb-run -a -s "-screen 0 1366x850x24" .venv/bin/python -m tools.screenshots_desk OUT [en]

Fills a small demo store in a temporary folder, signs in as its receptionist,
checks two clients in, and saves the desk, a search and the check-out dialog.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

os.environ["FRONTDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="fd-desk-")

from frontdesk.bootstrap import build_services, open_database  # noqa: E402
from frontdesk.config import load_paths  # noqa: E402
from frontdesk.core.context import Role
from frontdesk.demo.data import DEMO_PASSWORD  # noqa: E402
from frontdesk.demo.fill import DemoOptions, fill_demo  # noqa: E402
from frontdesk.services.desk.visits import BoardSection, CheckIn  # noqa: E402
from frontdesk.services.registry import Services  # noqa: E402
from frontdesk.ui.i18n import Translations  # noqa: E402
from frontdesk.ui.local_settings import LocalSettings  # noqa: E402
from frontdesk.ui.main_window import MainWindow  # noqa: E402
from frontdesk.ui.theme import apply_theme  # noqa: E402
from frontdesk.ui.worker import DbWorker  # noqa: E402
from tools.screenshots import run_steps, shot  # noqa: E402


def seed(services: Services) -> None:
    fill_demo(services.db, DemoOptions(clients=600, seed=7))
    admin = services.auth.sign_in("admin", DEMO_PASSWORD)
    rooms = services.catalog.rooms(admin.branch_id)
    therapists = services.staff.active_staff(admin.branch_id, (Role.THERAPIST,))
    items = services.catalog.service_items(admin.branch_id)
    for i, query in enumerate(("李", "张", "陈")):
        hit = services.search.search(admin, query, limit=3)[0]
        room = rooms[i].id if i < 2 else None
        services.visits.check_in(admin, CheckIn(
            client_id=hit.client_id, service_item_ids=(items[i].id,),
            therapist_id=therapists[i].id if room else None, room_id=room,
            prep_note="温水 · 薄荷精油" if i == 0 else ""))


def main() -> None:
    out = Path(sys.argv[1])
    lang = sys.argv[2] if len(sys.argv) > 2 else "zh_CN"
    out.mkdir(parents=True, exist_ok=True)
    paths = load_paths()
    app = QApplication(sys.argv)
    Translations(app).apply(lang)
    apply_theme(app)
    services = build_services(paths, open_database(paths))
    seed(services)
    actor = services.auth.sign_in("reception1", DEMO_PASSWORD)
    window = MainWindow(services, actor, LocalSettings(paths.data_dir / "x.ini"), DbWorker())
    window.resize(1360, 840)
    window.show()
    desk = window.page("desk")

    def search() -> None:
        desk.search.box.setText("wang")
        desk.search.search_now()

    def checkout() -> None:
        desk.board.refresh_now()
        desk.board.focus_board()
        desk.board.select(BoardSection.IN_SERVICE, desk.board.board.in_service[0].visit_id)
        desk.check_out_selected()

    steps = [lambda: None, search, lambda: shot(out, f"desk-{lang}-1-search"),
             lambda: desk.search.table.setFocus(),
             lambda: desk.pick_client(desk.search.model.hits[0].client_id),
             lambda: shot(out, f"desk-{lang}-2-picked"), desk.check_in,
             lambda: shot(out, f"desk-{lang}-3-checkin"),
             lambda: QApplication.activeModalWidget().reject(), checkout,
             lambda: shot(out, f"desk-{lang}-4-checkout"), QApplication.quit]
    run_steps(app, steps)
    app.exec()


if __name__ == "__main__":
    main()
