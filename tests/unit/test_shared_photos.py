"""Consultation photos shared by every terminal of a store: their bytes are in the database.

Two terminals are two :class:`Services`, each over its own :class:`Database` (engine and
connections) on the same database, SQLite file or PostgreSQL. Also here: the limits
(refused with nothing written), adding at once from two terminals, the photo files of
earlier versions brought in at start, and a photo kept through a backup and restore.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from PIL import Image
from sqlalchemy import delete, event, func, select, text

from frontdesk.bootstrap import build_services, open_database
from frontdesk.config import Paths, sqlite_url
from frontdesk.core.context import Actor
from frontdesk.db import Database, sqlite_path
from frontdesk.errors import NotFound, ValidationError
from frontdesk.migrate import (
    alembic_config,
    is_known_revision,
    migrating,
    recorded_revision,
    scripts,
    upgrade,
)
from frontdesk.migrations import HEAD
from frontdesk.models import AuditEntry
from frontdesk.models.consultation import ConsultationPhoto, ConsultationPhotoData
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.health.form import ConsultationForm
from frontdesk.services.health.photos import (
    MAX_PHOTO_BYTES,
    MAX_PHOTOS_PER_RECORD,
    PhotoInfo,
    PhotoMissing,
)
from frontdesk.services.registry import Services
from frontdesk.storage.backups import DAILY, copy_database, restore
from tests.concurrency import Background, PauseBefore, at_once, wait_until_blocked
from tests.conftest import ADMIN_PASSWORD, NOW, FakeClock
from tests.unit.test_startup import _loaded as loaded
from tests.unit.test_startup import _run as run_command

INSERT_PHOTO = "INSERT INTO consultation_photo ("
"""The statement that adds a photo's row (after its record is locked and counted)."""


def picture(n: int) -> bytes:
    """A small PNG, different for every ``n``."""
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (n % 256, n // 256, 90)).save(out, "PNG")
    return out.getvalue()


def photo_file(folder: Path, n: int) -> Path:
    path = folder / f"face-{n}.png"
    path.write_bytes(picture(n))
    return path


def new_record(services: Services, admin: Actor, phone: str = "13900001111") -> int:
    client = services.clients.register(admin, NewClient("王芳", phone, consent_health=True))
    return services.consultation.save(admin, client.client_id, ConsultationForm())


@pytest.fixture
def record_id(services: Services, admin: Actor) -> int:
    return new_record(services, admin)


@pytest.fixture
def second(db: Database, clock: FakeClock, tmp_path: Path) -> Iterator[Services]:
    """The other terminal: its own Database on the same database, its own photos folder."""
    other = Database(db.url)
    yield Services(other, clock, photos_dir=tmp_path / "other-pc-photos")
    other.dispose()


def rows(db: Database) -> tuple[int, int, int]:
    """How many photos, pictures and audit entries the database holds."""
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(model)) or 0  # type: ignore
                     for model in (ConsultationPhoto, ConsultationPhotoData, AuditEntry))


def test_a_photo_added_at_one_terminal_is_seen_at_the_other(
        services: Services, second: Services, admin: Actor, record_id: int,
        tmp_path: Path) -> None:
    info = services.photos.attach(admin, record_id, photo_file(tmp_path, 1), "before")
    assert second.photos.photo_list(admin, record_id) == [info]
    loaded = second.photos.photo_bytes(admin, info.id)
    assert (loaded.info, loaded.data) == (info, picture(1))
    with second.db.read() as s:
        view = s.scalars(select(AuditEntry).where(AuditEntry.action == "health.view")).one()
    assert (view.staff_id, view.entity, view.entity_id) == (
        admin.staff_id, "consultation_photo", info.id)
    assert not (tmp_path / "photos").exists() and not (tmp_path / "other-pc-photos").exists()


def test_the_pictures_are_read_one_at_a_time_never_with_a_list(
        services: Services, admin: Actor, record_id: int, tmp_path: Path) -> None:
    """The statements the consultation and its photo list send never read the bytes."""
    info = services.photos.attach(admin, record_id, photo_file(tmp_path, 1), "before")
    client_id = info.client_id
    sent: list[str] = []
    event.listen(services.db.engine, "before_cursor_execute",
                 lambda _conn, _cursor, statement, *_: sent.append(statement))
    services.consultation.list_for_client(admin, client_id)
    services.consultation.get(admin, record_id)
    services.photos.photo_list(admin, record_id)
    assert sent and not [q for q in sent if "consultation_photo_data" in q]
    services.photos.photo_bytes(admin, info.id)
    assert len([q for q in sent if "consultation_photo_data" in q]) == 1


def test_a_photo_over_the_size_limit_is_refused_naming_it_and_nothing_changes(
        services: Services, admin: Actor, record_id: int, tmp_path: Path) -> None:
    big = tmp_path / "IMG_2041.png"
    with big.open("wb") as f:
        f.write(picture(1))
        f.truncate(MAX_PHOTO_BYTES + 300 * 1024)
    before = rows(services.db)
    with pytest.raises(ValidationError) as caught:
        services.photos.attach(admin, record_id, big, "before")
    assert caught.value.field == "source_path"
    assert caught.value.message.startswith(
        "IMG_2041.png is 8.3 MB; a photo may be at most 8 MB.")
    assert rows(services.db) == before


def test_a_consultation_keeps_twelve_photos_and_refuses_the_next_changing_nothing(
        services: Services, admin: Actor, record_id: int, tmp_path: Path) -> None:
    kept = [services.photos.attach(admin, record_id, photo_file(tmp_path, n), "before")
            for n in range(MAX_PHOTOS_PER_RECORD)]
    before = rows(services.db)
    with pytest.raises(ValidationError) as caught:
        services.photos.attach(admin, record_id, photo_file(tmp_path, 99), "after")
    assert caught.value.field == "source_path"
    assert caught.value.message.startswith(
        "face-99.png was not added: a consultation keeps at most 12 photos")
    assert rows(services.db) == before
    again = services.photos.attach(admin, record_id, photo_file(tmp_path, 0), "before")
    assert again == kept[0]  # one already kept is not one more
    other = new_record(services, admin, "13900002222")  # the limit is per consultation
    services.photos.attach(admin, other, photo_file(tmp_path, 99), "after")


def attach_while_the_other_waits(first: Services, second: Services, admin: Actor,
                                 record_id: int, paths: tuple[Path, Path]) -> list[object]:
    """The first terminal stops just before adding its photo's row, holding what it
    locked; the second tries to add its own and (on PostgreSQL) is seen waiting."""
    pause = PauseBefore(first.db, INSERT_PHOTO)
    one = Background(lambda: first.photos.attach(admin, record_id, paths[0], "after"))
    pause.wait()
    other = Background(lambda: second.photos.attach(admin, record_id, paths[1], "after"))
    wait_until_blocked(first.db, other)
    pause.release()
    return [one.result(), other.result()]


def test_two_terminals_adding_the_last_photo_at_once_keep_one(
        services: Services, second: Services, admin: Actor, record_id: int,
        tmp_path: Path) -> None:
    for n in range(MAX_PHOTOS_PER_RECORD - 1):
        services.photos.attach(admin, record_id, photo_file(tmp_path, n), "before")
    first, other = attach_while_the_other_waits(
        services, second, admin, record_id, (photo_file(tmp_path, 50), photo_file(tmp_path, 51)))
    assert isinstance(first, PhotoInfo) and first.original_name == "face-50.png"
    assert isinstance(other, ValidationError) and "at most 12 photos" in other.message
    assert rows(services.db)[:2] == (MAX_PHOTOS_PER_RECORD, MAX_PHOTOS_PER_RECORD)


def test_the_same_photo_from_two_terminals_at_once_is_kept_once(
        services: Services, second: Services, admin: Actor, record_id: int,
        tmp_path: Path) -> None:
    same = photo_file(tmp_path, 7)
    first, other = attach_while_the_other_waits(services, second, admin, record_id,
                                                (same, same))
    assert isinstance(first, PhotoInfo) and other == first
    assert rows(services.db)[:2] == (1, 1)


def test_four_terminals_adding_photos_at_once_lose_none(
        db: Database, services: Services, admin: Actor, record_id: int,
        tmp_path: Path) -> None:
    terminals = [Services(Database(db.url), services.clock, photos_dir=tmp_path)
                 for _ in range(4)]
    try:
        results = at_once(*[
            (lambda t=t, i=i: [t.photos.attach(admin, record_id, photo_file(tmp_path, 3 * i + k),
                                               "before") for k in range(3)])
            for i, t in enumerate(terminals)])
    finally:
        for t in terminals:
            t.db.dispose()
    added = [info for result in results for info in result]  # type: ignore[attr-defined]
    assert sorted(info.original_name for info in added) == sorted(
        f"face-{n}.png" for n in range(12))
    for info in added:
        assert services.photos.photo_bytes(admin, info.id).data == picture(
            int(info.original_name[5:-4]))


# --- the photo files of earlier versions --------------------------------------------------


def as_an_earlier_version_kept_them(db: Database, folder: Path, infos: list[PhotoInfo],
                                    contents: list[bytes | None]) -> None:
    """Take the pictures out of the database and write them as files, as versions before
    the photos moved into the database did (None: no file)."""
    with db.write() as s:
        s.execute(delete(ConsultationPhotoData))
    for info, content in zip(infos, contents, strict=True):
        if content is not None:
            (folder / str(info.client_id)).mkdir(parents=True, exist_ok=True)
            (folder / str(info.client_id) / f"{info.sha256}.png").write_bytes(content)


def test_two_terminals_starting_at_once_bring_each_file_in_once(
        services: Services, second: Services, admin: Actor, record_id: int,
        tmp_path: Path) -> None:
    """Both have the files; the first stops just before moving one in, the second waits."""
    infos = [services.photos.attach(admin, record_id, photo_file(tmp_path, n), "before")
             for n in range(4)]
    as_an_earlier_version_kept_them(services.db, tmp_path / "photos", infos,
                                    [picture(n) for n in range(4)])
    as_an_earlier_version_kept_them(second.db, tmp_path / "other-pc-photos", infos,
                                    [picture(n) for n in range(4)])
    pause = PauseBefore(services.db, "INSERT INTO consultation_photo_data")
    first = Background(services.photos.adopt_files)
    pause.wait()
    other = Background(second.photos.adopt_files)
    wait_until_blocked(services.db, other)
    pause.release()
    results = [first.result(), other.result()]
    assert sum(r.moved for r in results) == 4  # type: ignore[attr-defined]
    assert [services.photos.photo_bytes(admin, i.id).data for i in infos] == [
        picture(n) for n in range(4)]


def test_a_terminal_brings_in_the_files_it_has_and_reports_the_rest(
        services: Services, second: Services, admin: Actor, record_id: int,
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """On PostgreSQL each PC kept the photos it added: the second PC has the first two."""
    infos = [services.photos.attach(admin, record_id, photo_file(tmp_path, n), "before")
             for n in range(3)]
    as_an_earlier_version_kept_them(second.db, tmp_path / "other-pc-photos", infos,
                                    [picture(0), picture(1) + b"changed", None])
    with caplog.at_level(logging.INFO, "frontdesk.services.health.photos"):
        done = second.photos.adopt_files()
    assert (done.moved, done.missing) == (1, (infos[1].id, infos[2].id))
    assert f"moved 1 photos ({len(picture(0))} bytes)" in caplog.text
    assert f"(photo ids {infos[1].id}, {infos[2].id})" in caplog.text
    assert second.photos.photo_bytes(admin, infos[0].id).data == picture(0)
    with pytest.raises(PhotoMissing, match="face-1.png is not in the database"):
        second.photos.photo_bytes(admin, infos[1].id)


def revision_before_photos_moved_in() -> str:
    """The revision before the one that made ``consultation_photo_data``."""
    for script in scripts().walk_revisions():
        if (script.doc or "").startswith("consultation photos in the database"):
            assert isinstance(script.down_revision, str)
            return script.down_revision
    raise AssertionError("no revision moves the photos into the database")


def test_an_earlier_versions_store_brings_its_photo_files_in_at_start(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """An SQLite store of the revision before, with photo rows and files (one missing),
    started by this version: upgraded, the files' pictures in the database, logged."""
    data = tmp_path / "data"
    paths = Paths(data, tmp_path / "log", sqlite_url(data / "frontdesk.sqlite3"))
    db = open_database(paths)
    services = build_services(paths, db, FakeClock(NOW))
    admin = services.store.initialise("水沐莲清", "admin", "管理员", ADMIN_PASSWORD)
    record_id = new_record(services, admin)
    infos = [services.photos.attach(admin, record_id, photo_file(tmp_path, n), "after")
             for n in range(2)]
    as_an_earlier_version_kept_them(db, data / "photos", infos, [picture(0), None])
    config = alembic_config()
    with migrating(db) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision_before_photos_moved_in())
    db.dispose()
    with caplog.at_level(logging.INFO):
        db = open_database(paths)
    assert recorded_revision(db) == HEAD
    assert "moved 1 photos" in caplog.text and f"(photo ids {infos[1].id})" in caplog.text
    services = build_services(paths, db, FakeClock(NOW))
    assert services.photos.photo_bytes(admin, infos[0].id).data == picture(0)
    with pytest.raises(PhotoMissing):
        services.photos.photo_bytes(admin, infos[1].id)
    db.dispose()


def test_a_photo_survives_a_backup_and_restore(
        sqlite_db: Database, tmp_path: Path) -> None:
    services = Services(sqlite_db, FakeClock(NOW), photos_dir=tmp_path / "photos")
    admin = services.store.initialise("水沐莲清", "admin", "管理员", ADMIN_PASSWORD)
    record_id = new_record(services, admin)
    kept = services.photos.attach(admin, record_id, photo_file(tmp_path, 1), "before")
    database = sqlite_path(sqlite_db.url)
    assert database is not None
    backup = copy_database(database, tmp_path, DAILY, NOW).path
    later = services.photos.attach(admin, record_id, photo_file(tmp_path, 2), "after")
    with sqlite_db.write() as s:
        s.execute(delete(ConsultationPhoto).where(ConsultationPhoto.id == kept.id))
    restore(backup, database, tmp_path / "kept", NOW, is_known_revision)
    assert services.photos.photo_bytes(admin, kept.id).data == picture(1)
    with pytest.raises(NotFound):
        services.photos.photo_bytes(admin, later.id)


def test_find_starts_without_the_orm_on_a_pc_whose_old_photos_are_all_in(
        sqlite_db: Database, tmp_path: Path) -> None:
    """A PC that kept photo files keeps its folder; once every picture is in the database,
    one Core query at start says so, and ``frontdesk find`` still loads no ORM."""
    folder = tmp_path / "data" / "photos"
    services = Services(sqlite_db, FakeClock(NOW), photos_dir=folder)
    admin = services.store.initialise("水沐莲清", "admin", "管理员", ADMIN_PASSWORD)
    info = services.photos.attach(admin, new_record(services, admin), photo_file(tmp_path, 1),
                                  "before")
    (folder / str(info.client_id)).mkdir(parents=True)
    (folder / str(info.client_id) / f"{info.sha256}.png").write_bytes(picture(1))
    code, modules, stderr = run_command(["--database", sqlite_db.url, "find", "1111", "--as",
                                         "admin"], tmp_path, FRONTDESK_PASSWORD=ADMIN_PASSWORD)
    assert code == 0, stderr
    assert loaded(modules, "sqlalchemy.orm", "frontdesk.models") == []


def test_a_migration_that_rebuilds_a_table_keeps_the_rows_that_refer_to_it(
        services: Services, admin: Actor, db: Database, tmp_path: Path) -> None:
    """SQLite rebuilds a table to change it (client in 0006, consultation_record in 0009):
    with foreign keys on, dropping the old table deleted the rows that refer to it (a
    consultation's photos, conditions and plan lines: ON DELETE CASCADE) or failed. Down and
    up again, every row stays."""
    if not db.is_sqlite:
        pytest.skip("SQLite only: PostgreSQL alters a table in place")
    from tests.unit.test_consultation import FULL_FORM

    client = services.clients.register(admin, NewClient("王芳", "13900001111",
                                                         consent_health=True))
    record_id = services.consultation.save(admin, client.client_id, FULL_FORM)
    services.photos.attach(admin, record_id, photo_file(tmp_path, 1), "after")
    kept = ("client", "client_preference", "consultation_record", "consultation_condition",
            "consultation_plan_line", "audit_entry")
    photos = ("consultation_photo", "consultation_photo_data")

    def counts(tables: tuple[str, ...]) -> dict[str, int]:
        with db.read() as s:
            return {t: s.scalar(text(f"SELECT count(*) FROM {t}")) or 0 for t in tables}

    before = counts(kept + photos)
    assert before["consultation_photo"] == 1
    assert before["consultation_condition"] > 0 and before["consultation_plan_line"] > 0
    for revision, tables in (("0008", kept + photos), ("0005", kept)):
        config = alembic_config()
        with migrating(db) as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
        assert counts(tables) == {t: before[t] for t in tables}, revision
        upgrade(db)
        assert counts(tables) == {t: before[t] for t in tables}, revision
