"""Before/after photos of a consultation, kept in the database so every terminal sees them.

A photo's metadata is a ``consultation_photo`` row and its bytes a row of
``consultation_photo_data`` beside it: listing a record's photos reads metadata only,
and the bytes of one photo are loaded on demand, checked against their sha256, and
that load is audited as a health view. Photos are health data: the same roles and
the same consent as the consultation apply. A backup of the database holds them.

Only JPEG, PNG and WEBP files of at most 8 MB are accepted (a phone's photo is 2 to
5 MB), and at most 12 photos per consultation: an ordinary file (a pipe, a device or
a folder is refused before it is opened, so a FIFO cannot block the desk),
recognised by its first bytes (not its name), and decoded by Pillow before it is
kept, so HTML behind JPEG magic bytes or half a photo is refused. HEIC (an iPhone's
default) is refused with a request to export the photo as JPEG: neither Pillow nor
the screens' Qt can decode it here, so a HEIC photo could never be shown. The same
picture attached twice to one consultation is kept once. The file's name is kept as
its caption, control characters made spaces. Adding a photo locks its consultation
record, so two terminals adding at once count and compare under one lock.

Earlier versions kept the bytes as files in the photos folder of the PC that added
them (``<client id>/<sha256>.<ext>``). :func:`adopt_files` brings such files into the
database; every start that finds a photos folder calls it (on PostgreSQL each
terminal has its own folder). The files are left where they are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action
from frontdesk.core.validation import without_controls
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import DomainError, NotFound, ValidationError
from frontdesk.models.consultation import (
    ConsultationPhoto,
    ConsultationPhotoData,
    ConsultationRecord,
    PhotoKind,
)
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.health.consultation import consented_client, require_audited
from frontdesk.services.rows import check_row_id, get_row, locked_row

log = logging.getLogger(__name__)

MAX_PHOTO_BYTES = 8 * 1024 * 1024
"""The largest photo kept (every terminal reads it from the database server)."""
MAX_PHOTOS_PER_RECORD = 12
"""The most photos one consultation keeps (before and after, of several areas)."""
PREVIEW_PIXELS = 256
"""The size a JPEG is decoded at to check it (a real decode, eight times faster)."""
_PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


class PhotoMissing(NotFound):
    template = ("The picture of the photo {name} is not in the database: it was added on "
                "another PC before photos were shared. Start FrontDesk once on that PC to "
                "bring it in.")


class PhotoDamaged(NotFound):
    template = "The picture of the photo {name} is damaged in the database."


@dataclass(frozen=True)
class PhotoInfo:
    id: int
    record_id: int
    client_id: int
    kind: PhotoKind
    media_type: str
    size_bytes: int
    sha256: str
    original_name: str
    added_at: dt.datetime


@dataclass(frozen=True)
class _NewPhoto:
    kind: PhotoKind
    name: str
    media_type: str
    data: bytes
    sha256: str


@dataclass(frozen=True)
class PhotoAdoption:
    """What :func:`adopt_files` did: photos whose file it moved in, and those it found none for."""

    moved: int
    moved_bytes: int
    missing: tuple[int, ...]


@dataclass(frozen=True)
class PhotoData:
    info: PhotoInfo
    data: bytes


def sniff_image(head: bytes) -> tuple[str, str] | None:
    """(media type, file extension) from a file's first 12 bytes; None unless a photo format."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", ".jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", ".png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp", ".webp"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "image/heic", ".heic"
    return None


def _read_photo(source: Path) -> tuple[bytes, str]:
    """The file's bytes and media type; ValidationError naming ``source_path``."""
    data, size = _read_ordinary_file(source)
    if size > MAX_PHOTO_BYTES:
        raise ValidationError("{name} is {size} MB; a photo may be at most {mb} MB. Save a "
                              "smaller copy of it (phones and photo apps offer one) and add "
                              "that.", field="source_path", name=source.name,
                              size=f"{size / 1024 / 1024:.1f}", mb=MAX_PHOTO_BYTES // 1024 // 1024)
    sniffed = sniff_image(data[:12])
    if sniffed is None:
        raise ValidationError("{name} is not a JPEG, PNG or WEBP photo.",
                              field="source_path", name=source.name)
    if sniffed[0] == "image/heic":
        raise ValidationError("{name} is a HEIC photo, which FrontDesk cannot show. Export "
                              "it as JPEG (on the phone or in the Photos app) and add that.",
                              field="source_path", name=source.name)
    _check_decodes(data, sniffed[0], source.name)
    return data, sniffed[0]


def _read_ordinary_file(source: Path, limit: int = MAX_PHOTO_BYTES) -> tuple[bytes, int]:
    """At most ``limit`` + 1 bytes of an ordinary file, and its size; a pipe, device or
    folder is refused unopened (then checked again on the open file, in case it was
    swapped)."""
    try:
        if not stat.S_ISREG(source.stat().st_mode):
            raise _not_a_file(source)
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            opened = os.fstat(f.fileno())
            if not stat.S_ISREG(opened.st_mode):
                raise _not_a_file(source)
            data = f.read(limit + 1)
            return data, max(opened.st_size, len(data))
    except OSError:
        raise ValidationError("The file {name} cannot be read.", field="source_path",
                              name=source.name) from None


def _not_a_file(source: Path) -> ValidationError:
    return ValidationError("{name} is not a file (a folder, a device or a pipe): choose a "
                           "photo.", field="source_path", name=source.name)


def _check_decodes(data: bytes, media_type: str, name: str) -> None:
    """Refuse bytes Pillow cannot decode as ``media_type`` (checked, then really decoded;
    a JPEG at 1/8 of its size)."""
    from PIL import Image  # on first use: Pillow comes with reportlab

    try:
        with Image.open(io.BytesIO(data), formats=[_PILLOW_FORMATS[media_type]]) as image:
            image.verify()
        with Image.open(io.BytesIO(data), formats=[_PILLOW_FORMATS[media_type]]) as image:
            image.draft("RGB", (PREVIEW_PIXELS, PREVIEW_PIXELS))
            image.load()
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        raise ValidationError("{name} is damaged or is not really a photo: it cannot be "
                              "opened.", field="source_path", name=name) from None


def _photo_kind(kind: PhotoKind | str) -> PhotoKind:
    try:
        return PhotoKind(kind)
    except ValueError:
        raise ValidationError("A photo is taken before or after the treatment.",
                              field="kind") from None


def _info(p: ConsultationPhoto) -> PhotoInfo:
    return PhotoInfo(p.id, p.record_id, p.client_id, p.kind, p.media_type, p.size_bytes,
                     p.sha256, p.original_name, p.added_at)


class PhotoService:
    def __init__(self, db: Database, clock: Clock, photos_dir: Path):
        """``photos_dir``: where this PC kept photo files before they moved into the database."""
        self._db = db
        self._clock = clock
        self._dir = Path(photos_dir)

    def adopt_files(self) -> PhotoAdoption:
        """This PC's photo files of earlier versions, moved into the database."""
        return adopt_files(self._db, self._dir)

    @unit_of_work
    def attach(self, actor: Actor, record_id: int, source_path: str | Path,
               kind: PhotoKind | str) -> PhotoInfo:
        """Keep a photo's bytes in the database, against a consultation."""
        require_audited(self._db, self._clock, actor, Action.EDIT_HEALTH,
                        AuditAction.HEALTH_SAVE_DENIED,
                        "consultation", record_id)
        kind = _photo_kind(kind)
        source = Path(source_path)
        data, media_type = _read_photo(source)
        new = _NewPhoto(kind, without_controls(source.name)[:255], media_type, data,
                        hashlib.sha256(data).hexdigest())
        with self._db.write() as s:
            return self._record(s, actor, record_id, new)

    def _record(self, s: Session, actor: Actor, record_id: int, new: _NewPhoto) -> PhotoInfo:
        rec = locked_row(s, ConsultationRecord, record_id)
        if rec is None:
            raise NotFound("No consultation record with id {id}.", field="record_id",
                           id=record_id)
        consented_client(s, rec.client_id)
        same = s.scalar(select(ConsultationPhoto).where(
            ConsultationPhoto.record_id == record_id, ConsultationPhoto.sha256 == new.sha256))
        if same is not None:
            return _info(same)
        _check_room_for_one_more(s, record_id, new.name)
        photo = ConsultationPhoto(
            record_id=record_id, client_id=rec.client_id, kind=new.kind,
            sha256=new.sha256, media_type=new.media_type, size_bytes=len(new.data),
            original_name=new.name, added_at=self._clock(), added_by_id=actor.staff_id)
        s.add(photo)
        s.flush()
        s.add(ConsultationPhotoData(photo_id=photo.id, data=new.data))
        audit.record(s, self._clock(), actor, AuditAction.HEALTH_PHOTO_ADD, "consultation_photo",
                     photo.id,
                     f"client={rec.client_id} record={record_id}")
        return _info(photo)

    @unit_of_work
    def photo_list(self, actor: Actor, record_id: int) -> list[PhotoInfo]:
        """The photos of one consultation, metadata only, in the order they were added."""
        require_audited(self._db, self._clock, actor, Action.VIEW_HEALTH,
                        AuditAction.HEALTH_VIEW_DENIED,
                        "consultation", record_id)
        check_row_id(ConsultationRecord, record_id, "record_id")
        with self._db.read() as s:
            return [_info(p) for p in s.scalars(select(ConsultationPhoto).where(
                ConsultationPhoto.record_id == record_id).order_by(ConsultationPhoto.id))]

    @unit_of_work
    def photo_bytes(self, actor: Actor, photo_id: int) -> PhotoData:
        """One photo's bytes, checked against its hash (audited as a health view)."""
        require_audited(self._db, self._clock, actor, Action.VIEW_HEALTH,
                        AuditAction.HEALTH_VIEW_DENIED,
                        "consultation_photo", photo_id)
        with self._db.write() as s:
            photo = get_row(s, ConsultationPhoto, photo_id)
            if photo is None:
                raise NotFound("No photo with id {id}.", field="photo_id", id=photo_id)
            audit.record(s, self._clock(), actor, AuditAction.HEALTH_VIEW, "consultation_photo",
                         photo.id,
                         f"client={photo.client_id} record={photo.record_id}")
            info = _info(photo)
            data = s.scalar(select(ConsultationPhotoData.data).where(
                ConsultationPhotoData.photo_id == photo.id))
        if data is None:
            raise PhotoMissing(name=info.original_name)
        if hashlib.sha256(data).hexdigest() != info.sha256:
            raise PhotoDamaged(name=info.original_name)
        return PhotoData(info, data)


def _check_room_for_one_more(s: Session, record_id: int, name: str) -> None:
    """Refuse a photo beyond MAX_PHOTOS_PER_RECORD (under the record's lock)."""
    count = s.scalar(select(func.count(ConsultationPhoto.id)).where(
        ConsultationPhoto.record_id == record_id)) or 0
    if count >= MAX_PHOTOS_PER_RECORD:
        raise ValidationError("{name} was not added: a consultation keeps at most {count} "
                              "photos, and this one has them all. Add it to the next "
                              "consultation.", field="source_path", name=name,
                              count=MAX_PHOTOS_PER_RECORD)


# --- photo files of earlier versions ----------------------------------------------------------

_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
_EARLIER_MAX_BYTES = 20 * 1024 * 1024
"""Earlier versions kept photos of up to 20 MB; theirs move in whole."""


def adopt_files(db: Database, folder: Path) -> PhotoAdoption:
    """Move into the database the pictures that ``folder`` holds of photos that have none
    there yet (files named ``<client id>/<sha256>.<ext>`` by earlier versions), each
    checked against its recorded hash; log what was moved and what is still missing."""
    moved, moved_bytes, missing = 0, 0, []
    for photo_id in _photos_without_picture(db):
        size = _adopt_one(db, folder, photo_id)
        if size is None:
            missing.append(photo_id)
        elif size:
            moved, moved_bytes = moved + 1, moved_bytes + size
    if moved:
        log.info("moved %d photos (%d bytes) from %s into the database; the files are kept",
                 moved, moved_bytes, folder)
    if missing:
        log.warning("%d photos have no picture in the database nor in %s (photo ids %s): "
                    "they were added on another PC, or their files are gone",
                    len(missing), folder, ", ".join(map(str, missing)))
    return PhotoAdoption(moved, moved_bytes, tuple(missing))


@unit_of_work
def _photos_without_picture(db: Database) -> list[int]:
    with db.read() as s:
        return list(s.scalars(
            select(ConsultationPhoto.id)
            .outerjoin(ConsultationPhotoData,
                       ConsultationPhotoData.photo_id == ConsultationPhoto.id)
            .where(ConsultationPhotoData.photo_id.is_(None)).order_by(ConsultationPhoto.id)))


@unit_of_work
def _adopt_one(db: Database, folder: Path, photo_id: int) -> int | None:
    """The size of the picture moved in; 0 when another terminal did it; None when the
    file is missing or is not the photo recorded."""
    with db.write() as s:
        photo = s.get(ConsultationPhoto, photo_id)
        if photo is None or locked_row(s, ConsultationRecord, photo.record_id) is None:
            return 0
        if s.get(ConsultationPhotoData, photo_id) is not None:
            return 0
        data = _old_file(folder, photo)
        if data is None:
            return None
        s.add(ConsultationPhotoData(photo_id=photo_id, data=data))
        return len(data)


def _old_file(folder: Path, photo: ConsultationPhoto) -> bytes | None:
    """The bytes of the photo's file in ``folder`` if they are the photo recorded."""
    ext = _EXTENSIONS.get(photo.media_type, ".jpg")
    path = folder / str(photo.client_id) / f"{photo.sha256}{ext}"
    try:
        data, _size = _read_ordinary_file(path, _EARLIER_MAX_BYTES)
    except DomainError:
        return None
    return data if hashlib.sha256(data).hexdigest() == photo.sha256 else None
