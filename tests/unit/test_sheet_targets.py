"""A sheet asked for where it cannot be written: a message naming ``output``, no file, no
temporary file left behind, and no ``health.view`` row for a sheet nobody got; from the
service, and from ``frontdesk sheet`` without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from frontdesk.core.context import Actor, Role
from frontdesk.core.permissions import sign
from frontdesk.models import AuditEntry
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.health.form import ConsultationForm, SkinTest
from frontdesk.services.registry import Services
from frontdesk.services.sheet.target import SheetFileError
from frontdesk.services.sheet.words import SheetWords
from tests.conftest import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
EN = SheetWords(language="en")


@pytest.fixture
def client_id(services: Services, admin: Actor) -> int:
    client = services.clients.register(admin, NewClient("王芳", "13900001111", member_no="M7",
                                                        consent_health=True))
    services.consultation.save(admin, client.client_id,
                               ConsultationForm(skin=SkinTest(moisture_pct=40)))
    return client.client_id


def sheet_views(services: Services) -> list[str]:
    with services.db.read() as s:
        return list(s.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "health.view", AuditEntry.entity == "client")))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the sheets (the SQLite database lives in ``tmp_path``)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def targets(tmp: Path) -> dict[str, Path]:
    (tmp / "a-file").write_text("not a folder")
    (tmp / "a-folder").mkdir()
    return {"missing folder": tmp / "missing" / "sheet.pdf", "a folder": tmp / "a-folder",
            "under a file": tmp / "a-file" / "sheet.pdf",
            "unwritable (/sys)": Path("/sys/frontdesk-sheet.pdf"),
            "no new files (/proc)": Path("/proc/frontdesk-sheet.pdf")}


@pytest.mark.parametrize("where", ["missing folder", "a folder", "under a file",
                                   "unwritable (/sys)", "no new files (/proc)"])
def test_a_sheet_that_cannot_be_written_is_refused_and_not_audited(
        services: Services, admin: Actor, client_id: int, out: Path, where: str) -> None:
    target = targets(out)[where]
    before = sorted(out.rglob("*"))
    with pytest.raises(SheetFileError) as caught:
        services.sheet.write_sheet(admin, client_id, target, EN)
    assert caught.value.field == "output"
    assert caught.value.params["path"] == str(target)
    assert sheet_views(services) == []
    assert sorted(out.rglob("*")) == before  # no sheet, no half-written .part


def test_the_refusals_say_what_is_wrong(services: Services, admin: Actor, client_id: int,
                                        out: Path) -> None:
    said = {}
    for where, target in targets(out).items():
        with pytest.raises(SheetFileError) as caught:
            services.sheet.write_sheet(admin, client_id, target, EN)
        said[where] = caught.value.message
    assert said == {
        "missing folder": f"The folder {out / 'missing'} does not exist.",
        "a folder": f"{out / 'a-folder'} is a folder: give the sheet a file name.",
        "under a file": f"{out / 'a-file'} is not a folder.",
        "unwritable (/sys)": "FrontDesk may not write in the folder /sys. Choose another folder.",
        "no new files (/proc)": ("FrontDesk may not write in the folder /proc. Choose another "
                                 "folder."),
    }


def test_a_written_sheet_is_whole_audited_once_and_owner_only(
        services: Services, admin: Actor, client_id: int, out: Path) -> None:
    target = out / "sheet.pdf"
    target.write_bytes(b"an older sheet")
    services.sheet.write_sheet(admin, client_id, target, EN)
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes().endswith(b"%%EOF\n")
    assert [p.name for p in out.iterdir()] == ["sheet.pdf"]
    assert target.stat().st_mode & 0o777 == 0o600  # health data: the owner's only
    assert sheet_views(services) == ["sheet lang=en via=desk"]


def test_two_terminals_saving_the_same_sheet_leave_one_whole_file_and_two_views(
        services: Services, admin: Actor, client_id: int, out: Path) -> None:
    """Each writes its own temporary file and renames it over the target: whichever comes
    last wins whole, and each view is audited (two connections, two transactions)."""
    barrier = threading.Barrier(2, timeout=60)
    errors: list[BaseException] = []

    def terminal() -> None:
        barrier.wait()
        try:
            services.sheet.write_sheet(admin, client_id, out / "sheet.pdf", EN)
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=terminal) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [p.name for p in out.iterdir()] == ["sheet.pdf"]
    assert (out / "sheet.pdf").read_bytes().endswith(b"%%EOF\n")
    assert sheet_views(services) == ["sheet lang=en via=desk"] * 2


def test_a_sheet_whose_view_cannot_be_audited_is_not_left_behind(
        services: Services, admin: Actor, client_id: int, out: Path) -> None:
    """The audit row comes before the rename: when it cannot be written (here the actor's
    staff row is gone, so its foreign key fails), neither the sheet nor its .part stays."""
    ghost = sign(Actor(admin.staff_id + 100, "ghost", "Ghost", Role.ADMIN, admin.branch_id))
    with pytest.raises(IntegrityError):
        services.sheet.write_sheet(ghost, client_id, out / "sheet.pdf", EN)
    assert list(out.iterdir()) == []


def run_cli(db_url: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FRONTDESK_DATA_DIR": str(data_dir), "FRONTDESK_LOG_DIR": str(data_dir),
           "FRONTDESK_PASSWORD": ADMIN_PASSWORD}
    return subprocess.run([sys.executable, "-m", "frontdesk", "--database", db_url, *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, check=False)


def test_the_command_line_says_why_in_one_line_and_audits_nothing(
        services: Services, admin: Actor, client_id: int, out: Path) -> None:
    for target in (out / "missing" / "sheet.pdf", out):
        done = run_cli(services.db.url, out.parent / "data", "sheet", "M7", "-o", str(target),
                       "--lang", "en", "--as", admin.username)
        assert done.returncode == 2
        assert "Traceback" not in done.stderr
        assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("frontdesk: ")
    assert sheet_views(services) == []
