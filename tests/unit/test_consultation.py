"""Consultations (客情分析表) and their photos: consent, roles, audit, ranges, trends."""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
import zlib
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from frontdesk.core.context import Actor, Role
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.models import AuditEntry, LineKind, ServiceItem
from frontdesk.models.consultation import (
    ConditionKind,
    ConsultationCondition,
    ConsultationPhoto,
    ConsultationPhotoData,
    ConsultationRecord,
    MeasureMethod,
    PhotoKind,
    SkinType,
)
from frontdesk.services.clients.registration import ClientService, NewClient
from frontdesk.services.health.consultation import (
    BodyTest,
    ClientType,
    ConditionNote,
    ConsultationForm,
    ConsultationService,
    HealthConsentMissing,
    PlanLine,
    SkinTest,
)
from frontdesk.services.health.photos import MAX_PHOTO_BYTES, PhotoDamaged, PhotoService
from frontdesk.services.registry import Services
from tests.actors import signed_actor
from tests.conftest import NOW, FakeClock

FULL_FORM = ConsultationForm(
    skin=SkinTest(method=MeasureMethod.INSTRUMENT, skin_type=SkinType.COMBINATION, moisture_pct=38,
                  oil_pct=22, elasticity=65, pores=2, acne_grade=1, pigmentation=2, wrinkles=1,
                  sensitivity=3, notes="  T区偏油  "),
    conditions=(ConditionNote(ConditionKind.HEAVY_MAKEUP, "粉底较厚", "卸妆后泛红"),
                ConditionNote(ConditionKind.ACNE, "下巴暗疮", "红肿减轻")),
    body=BodyTest(height_mm=1650, weight_g=55_000, body_fat_permille=245, waist_mm=680,
                  hip_mm=910, posture="圆肩", pain_areas="肩颈", meridian_notes="胆经不通"),
    plan=(PlanLine(LineKind.SERVICE, "补水疗程", 10, 198_000),
          PlanLine(LineKind.PRODUCT, "修护精华", 1, 38_000)),
    next_visit_on=dt.date(2026, 11, 30), plan_notes="两周后复查",
    client_type=ClientType(nervous=True, new_client=True, note="第一次做面部"),
    notes="对玫瑰精油过敏",
)


def make_staff(services: Services, admin: Actor, role: Role, username: str) -> Actor:
    row = services.staff.add_staff(admin, username, username.title(), role, None)
    return signed_actor(services.db, row.id)


def register(services: Services, admin: Actor, name: str = "张晓梅", phone: str = "13800138000",
             consent_health: bool = True) -> int:
    form = NewClient(name=name, phone=phone, consent_health=consent_health)
    return ClientService(services.db, services.clock).register(admin, form).client_id


@pytest.fixture
def consultant(services: Services, admin: Actor) -> Actor:
    return make_staff(services, admin, Role.CONSULTANT, "wang")


@pytest.fixture
def receptionist(services: Services, admin: Actor) -> Actor:
    return make_staff(services, admin, Role.RECEPTIONIST, "lily")


@pytest.fixture
def health(services: Services) -> ConsultationService:
    return ConsultationService(services.db, services.clock)


def audit_rows(services: Services, action: str) -> list[AuditEntry]:
    with services.db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)
                              .order_by(AuditEntry.id)))


def record_count(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count(ConsultationRecord.id))) or 0


def test_a_saved_consultation_reads_back_whole(services: Services, admin: Actor,
                                               consultant: Actor,
                                               health: ConsultationService) -> None:
    client_id = register(services, admin)
    record_id = health.save(consultant, client_id, FULL_FORM)
    view = health.get(consultant, record_id)
    assert view.client_id == client_id and view.client_name == "张晓梅"
    assert view.consultant_name == "Wang" and view.taken_at == NOW
    assert view.form.taken_on == dt.date(2026, 11, 23)  # local date in Shanghai
    assert view.form.skin.notes == "T区偏油"
    assert view.form.skin.moisture_pct == 38 and view.form.skin.skin_type is SkinType.COMBINATION
    assert view.form.body.bmi == 20.2  # 55 kg / 1.65 m²
    assert view.form.body.body_fat_permille == 245
    assert {c.kind: (c.before, c.after) for c in view.form.conditions} == {
        ConditionKind.HEAVY_MAKEUP: ("粉底较厚", "卸妆后泛红"),
        ConditionKind.ACNE: ("下巴暗疮", "红肿减轻")}
    assert [(p.name, p.quantity, p.price_fen) for p in view.form.plan] == [
        ("补水疗程", 10, 198_000), ("修护精华", 1, 38_000)]
    assert view.plan_total_fen == 236_000
    assert view.form.next_visit_on == dt.date(2026, 11, 30)
    assert view.form.client_type == ClientType(nervous=True, new_client=True, note="第一次做面部")


def test_bmi_is_computed_not_stored(services: Services, admin: Actor, consultant: Actor,
                                    health: ConsultationService) -> None:
    client_id = register(services, admin)
    form = ConsultationForm(body=BodyTest(height_mm=1700, weight_g=72_250))
    view = health.get(consultant, health.save(consultant, client_id, form))
    assert view.form.body.bmi == 25.0
    assert "bmi" not in ConsultationRecord.__table__.columns
    assert ConsultationForm(body=BodyTest(height_mm=1700)).body.bmi is None


def test_without_health_consent_nothing_is_saved(services: Services, admin: Actor,
                                                 consultant: Actor,
                                                 health: ConsultationService) -> None:
    client_id = register(services, admin, consent_health=False)
    with pytest.raises(HealthConsentMissing) as caught:
        health.save(consultant, client_id, FULL_FORM)
    assert caught.value.field == "consent_health"
    assert "张晓梅" in caught.value.message
    assert record_count(services) == 0
    with services.db.read() as s:
        assert s.scalar(select(func.count(ConsultationCondition.id))) == 0
    assert audit_rows(services, "health.save") == []


def test_a_receptionist_is_refused_and_the_attempt_is_audited(
        services: Services, admin: Actor, consultant: Actor, receptionist: Actor,
        health: ConsultationService) -> None:
    client_id = register(services, admin)
    record_id = health.save(consultant, client_id, FULL_FORM)
    with pytest.raises(PermissionDenied):
        health.save(receptionist, client_id, FULL_FORM)
    for look in (lambda: health.get(receptionist, record_id),
                 lambda: health.list_for_client(receptionist, client_id),
                 lambda: health.trends(receptionist, client_id)):
        with pytest.raises(PermissionDenied):
            look()
    assert record_count(services) == 1
    saves = audit_rows(services, "health.save.denied")
    assert [(e.staff_id, e.entity, e.entity_id) for e in saves] == [
        (receptionist.staff_id, "client", client_id)]
    views = audit_rows(services, "health.view.denied")
    assert [(e.staff_id, e.entity, e.entity_id) for e in views] == [
        (receptionist.staff_id, "consultation", record_id),
        (receptionist.staff_id, "client", client_id), (receptionist.staff_id, "client", client_id)]
    assert audit_rows(services, "health.view") == []


def test_every_view_and_save_is_audited_with_who_when_what(
        services: Services, admin: Actor, consultant: Actor, health: ConsultationService,
        clock: FakeClock) -> None:
    client_id = register(services, admin)
    record_id = health.save(consultant, client_id, FULL_FORM)
    clock.advance(minutes=5)
    health.get(admin, record_id)
    health.list_for_client(consultant, client_id)
    health.trends(consultant, client_id)
    [save] = audit_rows(services, "health.save")
    assert (save.staff_id, save.at, save.entity, save.entity_id) == (
        consultant.staff_id, NOW, "consultation", record_id)
    assert save.detail == f"client={client_id}"
    views = audit_rows(services, "health.view")
    assert [(v.staff_id, v.at, v.entity, v.entity_id, v.detail) for v in views] == [
        (admin.staff_id, NOW + dt.timedelta(minutes=5), "consultation", record_id,
         f"client={client_id}"),
        (consultant.staff_id, NOW + dt.timedelta(minutes=5), "client", client_id,
         "consultation list"),
        (consultant.staff_id, NOW + dt.timedelta(minutes=5), "client", client_id, "trends")]


@pytest.mark.parametrize(("form", "field", "words"), [
    (ConsultationForm(skin=SkinTest(moisture_pct=101)), "moisture_pct", "between 0 and 100"),
    (ConsultationForm(skin=SkinTest(oil_pct=-1)), "oil_pct", "Oil"),
    (ConsultationForm(skin=SkinTest(acne_grade=5)), "acne_grade", "between 0 and 4"),
    (ConsultationForm(skin=SkinTest(sensitivity=True)), "sensitivity", "grade"),
    (ConsultationForm(body=BodyTest(height_mm=499)), "height_mm", "between 50 and 250 cm"),
    (ConsultationForm(body=BodyTest(weight_g=300_001)), "weight_g", "between 20 and 300 kg"),
    (ConsultationForm(body=BodyTest(body_fat_permille=701)), "body_fat_permille", "Body fat"),
    (ConsultationForm(body=BodyTest(waist_mm=100)), "waist_mm", "cm"),
    (ConsultationForm(notes="x" * 2001), "notes", "too long"),
    (ConsultationForm(taken_on=dt.date(2026, 11, 24)), "taken_on", "future"),
    (ConsultationForm(next_visit_on=dt.date(2026, 11, 22)), "next_visit_on", "before"),
    (ConsultationForm(conditions=(ConditionNote(ConditionKind.SPOTS),
                                  ConditionNote(ConditionKind.SPOTS))), "conditions.spots", "once"),
    (ConsultationForm(plan=(PlanLine(name="补水", quantity=0),)), "plan.0.quantity", "sessions"),
    (ConsultationForm(plan=(PlanLine(name="补水", price_fen=-100),)), "plan.0.price_fen", "price"),
    (ConsultationForm(plan=(PlanLine(name="  "),)), "plan.0.name", "Name"),
])
def test_values_out_of_range_are_refused_naming_the_field(
        services: Services, admin: Actor, consultant: Actor, health: ConsultationService,
        form: ConsultationForm, field: str, words: str) -> None:
    client_id = register(services, admin)
    with pytest.raises(ValidationError) as caught:
        health.save(consultant, client_id, form)
    assert caught.value.field == field
    assert words in caught.value.message
    assert record_count(services) == 0


def test_plan_lines_take_catalogue_names_and_refuse_unknown_items(
        services: Services, admin: Actor, consultant: Actor,
        health: ConsultationService) -> None:
    client_id = register(services, admin)
    with services.db.write() as s:
        item = ServiceItem(branch_id=admin.branch_id, name="经络疏通", price_fen=28_800)
        s.add(item)
        s.flush()
        item_id = item.id
    form = ConsultationForm(plan=(PlanLine(service_item_id=item_id, quantity=6,
                                           price_fen=150_000),))
    view = health.get(consultant, health.save(consultant, client_id, form))
    assert [(p.name, p.service_item_id, p.kind) for p in view.form.plan] == [
        ("经络疏通", item_id, LineKind.SERVICE)]
    with pytest.raises(ValidationError) as caught:
        health.save(consultant, client_id,
                    ConsultationForm(plan=(PlanLine(service_item_id=item_id + 99),)))
    assert caught.value.field == "plan.0.service_item_id"
    assert record_count(services) == 1


def test_trends_are_ordered_by_date_in_display_units(
        services: Services, admin: Actor, consultant: Actor, health: ConsultationService,
        clock: FakeClock) -> None:
    client_id = register(services, admin)
    for taken_on, moisture, weight in [(dt.date(2026, 9, 1), 30, 58_000),
                                       (dt.date(2026, 6, 1), 25, 60_500),
                                       (dt.date(2026, 11, 1), 41, None)]:
        health.save(consultant, client_id, ConsultationForm(
            taken_on=taken_on, skin=SkinTest(moisture_pct=moisture),
            body=BodyTest(height_mm=1600, weight_g=weight, waist_mm=705)))
        clock.advance(minutes=1)
    trends = health.trends(consultant, client_id)
    assert trends["moisture"] == [(dt.date(2026, 6, 1), 25.0), (dt.date(2026, 9, 1), 30.0),
                                  (dt.date(2026, 11, 1), 41.0)]
    assert trends["weight"] == [(dt.date(2026, 6, 1), 60.5), (dt.date(2026, 9, 1), 58.0)]
    assert trends["bmi"] == [(dt.date(2026, 6, 1), 23.6), (dt.date(2026, 9, 1), 22.7)]
    assert trends["waist"][0] == (dt.date(2026, 6, 1), 70.5)
    assert trends["oil"] == [] and trends["body_fat"] == []
    listed = health.list_for_client(consultant, client_id)
    assert [r.taken_on for r in listed] == [dt.date(2026, 11, 1), dt.date(2026, 9, 1),
                                            dt.date(2026, 6, 1)]


# --- photos -------------------------------------------------------------------------------


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1×1, 8-bit RGB
    pixels = zlib.compress(b"\x00\xff\x80\x80")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


@pytest.fixture
def photos(services: Services, tmp_path: Path) -> PhotoService:
    return PhotoService(services.db, services.clock, tmp_path / "photos")


@pytest.fixture
def record_id(services: Services, admin: Actor, consultant: Actor,
              health: ConsultationService) -> int:
    return health.save(consultant, register(services, admin), FULL_FORM)


def test_a_photo_is_stored_by_hash_listed_and_loaded_on_demand(
        services: Services, consultant: Actor, photos: PhotoService, record_id: int,
        tmp_path: Path) -> None:
    source = tmp_path / "脸部-before.png"
    source.write_bytes(tiny_png())
    info = photos.attach(consultant, record_id, source, "before")
    sha = hashlib.sha256(tiny_png()).hexdigest()
    assert (info.kind, info.media_type, info.sha256, info.original_name) == (
        PhotoKind.BEFORE, "image/png", sha, "脸部-before.png")
    with services.db.read() as s:
        assert s.get(ConsultationPhotoData, info.id).data == tiny_png()  # type: ignore[union-attr]
    assert not (tmp_path / "photos").exists()  # in the database, for every terminal
    assert photos.attach(consultant, record_id, source, PhotoKind.BEFORE) == info  # once only
    assert photos.photo_list(consultant, record_id) == [info]
    assert audit_rows(services, "health.view") == []  # listing loads no picture
    loaded = photos.photo_bytes(consultant, info.id)
    assert loaded.data == tiny_png() and loaded.info == info
    [view] = audit_rows(services, "health.view")
    assert (view.staff_id, view.entity, view.entity_id) == (
        consultant.staff_id, "consultation_photo", info.id)
    assert health_count(services) == 1


def health_count(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count(ConsultationPhoto.id))) or 0


@pytest.mark.parametrize("content", [b"just some text, not a photo", b"GIF89a" + b"\0" * 20, b""])
def test_a_file_that_is_not_a_photo_is_refused(
        services: Services, consultant: Actor, photos: PhotoService, record_id: int,
        tmp_path: Path, content: bytes) -> None:
    source = tmp_path / "photo.png"  # the name lies; the bytes decide
    source.write_bytes(content)
    with pytest.raises(ValidationError) as caught:
        photos.attach(consultant, record_id, source, "after")
    assert caught.value.field == "source_path"
    assert health_count(services) == 0
    assert not (tmp_path / "photos").exists()


def test_a_photo_over_8_mb_or_of_unknown_kind_is_refused(
        services: Services, consultant: Actor, photos: PhotoService, record_id: int,
        tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    with big.open("wb") as f:
        f.write(tiny_png())
        f.truncate(MAX_PHOTO_BYTES + 1)
    with pytest.raises(ValidationError) as caught:
        photos.attach(consultant, record_id, big, "after")
    assert caught.value.message.startswith("big.png is 8.0 MB; a photo may be at most 8 MB.")
    assert caught.value.field == "source_path"
    small = tmp_path / "small.png"
    small.write_bytes(tiny_png())
    with pytest.raises(ValidationError) as caught:
        photos.attach(consultant, record_id, small, "during")
    assert caught.value.field == "kind"
    assert health_count(services) == 0


def test_a_changed_picture_is_reported_not_shown(
        services: Services, consultant: Actor, photos: PhotoService, record_id: int,
        tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(tiny_png())
    info = photos.attach(consultant, record_id, source, "after")
    with services.db.write() as s:
        s.execute(update(ConsultationPhotoData).values(data=tiny_png() + b"tampered"))
    with pytest.raises(PhotoDamaged, match="a.png is damaged"):
        photos.photo_bytes(consultant, info.id)


def test_a_receptionist_sees_no_photos(services: Services, consultant: Actor,
                                       receptionist: Actor, photos: PhotoService,
                                       record_id: int, tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(tiny_png())
    info = photos.attach(consultant, record_id, source, "after")
    with pytest.raises(PermissionDenied):
        photos.photo_list(receptionist, record_id)
    with pytest.raises(PermissionDenied):
        photos.photo_bytes(receptionist, info.id)
    with pytest.raises(PermissionDenied):
        photos.attach(receptionist, record_id, source, "before")
    denied = audit_rows(services, "health.view.denied") + audit_rows(services, "health.save.denied")
    assert {(e.staff_id, e.entity) for e in denied} == {
        (receptionist.staff_id, "consultation"), (receptionist.staff_id, "consultation_photo")}
    assert len(denied) == 3
