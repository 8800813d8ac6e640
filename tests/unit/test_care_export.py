"""The batch export for an SMS gateway: CSV and XLSX read back, consent, formula cells."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from frontdesk.core.context import Actor
from frontdesk.errors import ValidationError
from frontdesk.models.care import CareChannel, CareKind
from frontdesk.models.client import Gender
from frontdesk.services.registry import Services
from frontdesk.services.spreadsheet import safe_cell
from tests.care_tasks import client, manager_of_clients, task


def _store(services: Services, admin: Actor) -> tuple[list[int], dict[str, int]]:
    db, b = services.db, admin.branch_id
    li = manager_of_clients(services, admin, "li")
    wang = client(services, admin, "王芳", gender=Gender.FEMALE)
    formula = client(services, admin, "=HYPERLINK(1)", gender=Gender.UNKNOWN)
    client(services, admin, "退订者", consent=False)
    ids = [task(db, b, wang, CareKind.BIRTHDAY, channel=CareChannel.MESSAGE,
                assigned_to=li.staff_id),
           task(db, b, None, CareKind.FESTIVAL, channel=CareChannel.MESSAGE,
                occasion="festival:mid_autumn:2026")]
    return ids, {"wang": wang, "formula": formula}


def test_a_csv_for_excel_has_a_bom_one_row_per_recipient_and_no_formulas(
        services: Services, admin: Actor, tmp_path: Path) -> None:
    ids, _clients = _store(services, admin)
    path = tmp_path / "out" / "sms.csv"
    result = services.care.export_messages(admin, ids, path)
    assert (result.rows, result.left_out, result.tasks) == (3, 1, 2)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["手机号", "姓名", "短信内容"]
    birthday = rows[1]
    assert birthday[0].isdigit() and len(birthday[0]) == 11 and birthday[1] == "王芳"
    assert birthday[2].startswith("王女士") and birthday[2].endswith("【水沐莲清美容会所 Li】")
    names = sorted(r[1] for r in rows[2:])
    assert names == ["'=HYPERLINK(1)", "王芳"]  # the batch: consenting clients only
    assert all("中秋" in r[2] for r in rows[2:])
    assert [p.name for p in path.parent.iterdir()] == ["sms.csv"]  # no temporary file left


def test_an_xlsx_reads_back_with_openpyxl(services: Services, admin: Actor,
                                          tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ids, _clients = _store(services, admin)
    path = tmp_path / "sms.xlsx"
    assert services.care.export_messages(admin, ids, path).rows == 3
    sheet = load_workbook(path).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["手机号", "姓名", "短信内容"] and len(values) == 4
    assert "'=HYPERLINK(1)" in [v[1] for v in values]
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row)


def test_an_opted_out_client_is_left_out_and_counted(services: Services, admin: Actor,
                                                     tmp_path: Path) -> None:
    no = client(services, admin, "退订", consent=False)
    t = task(services.db, admin.branch_id, no, CareKind.BIRTHDAY, channel=CareChannel.MESSAGE)
    follow = task(services.db, admin.branch_id, no, CareKind.FOLLOW_UP,
                  channel=CareChannel.MESSAGE)
    result = services.care.export_messages(admin, [t, follow], tmp_path / "x.csv")
    assert (result.rows, result.left_out) == (1, 1)  # the service follow-up still goes


def test_only_csv_and_xlsx(services: Services, admin: Actor, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        services.care.export_messages(admin, [], tmp_path / "x.txt")
    assert refused.value.field == "path"


def test_cells_that_would_run_are_escaped() -> None:
    assert [safe_cell(x) for x in ("=1+1", "+86", "-2", "@SUM", "\tx", "王芳", "")] == [
        "'=1+1", "'+86", "'-2", "'@SUM", "'\tx", "王芳", ""]


def test_a_client_managers_file_holds_only_the_phones_of_their_own_book(
        services: Services, admin: Actor, tmp_path: Path) -> None:
    db, b = services.db, admin.branch_id
    li = manager_of_clients(services, admin, "li")
    mine, other = client(services, admin, "王芳"), client(services, admin, "李娜")
    services.care_books.assign(admin, [mine], li.staff_id)
    own = task(db, b, mine, CareKind.BIRTHDAY, channel=CareChannel.MESSAGE,
               assigned_to=li.staff_id)
    pool = task(db, b, other, CareKind.BIRTHDAY, channel=CareChannel.MESSAGE)
    batch = task(db, b, None, CareKind.FESTIVAL, channel=CareChannel.MESSAGE)
    result = services.care.export_messages(li, [own, pool, batch], tmp_path / "li.csv")
    assert (result.rows, result.withheld, result.left_out) == (2, 2, 0)
    rows = list(csv.reader((tmp_path / "li.csv").read_text("utf-8-sig").splitlines()))
    assert [r[1] for r in rows[1:]] == ["王芳", "王芳"]
    assert services.care.export_messages(admin, [own, pool, batch],
                                         tmp_path / "all.csv").rows == 4
