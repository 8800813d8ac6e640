"""Before/after photos of a consultation: bytes in the photos folder, metadata in the database.

A photo is copied into ``<photos folder>/<client id>/<sha256>.<ext>``: named by
its content, so attaching the same picture twice stores it once, and a file
can be checked against its recorded hash when it is read back. Only JPEG, PNG
and WEBP files of at most 20 MB are accepted: an ordinary file (a pipe, a device
or a folder is refused before it is opened, so a FIFO cannot block the desk),
recognised by its first bytes (not its name), and decoded by Pillow before it is
kept, so HTML behind JPEG magic bytes or half a photo is refused. HEIC (an
iPhone's default) is refused with a request to export the photo as JPEG: neither
Pillow nor the screens' Qt can decode it here, so a HEIC photo could never be shown.
The file's name is kept as its caption, control characters made spaces.

Listing returns metadata only; the bytes of one photo are loaded on demand, and
that load is audited as a health view. Photos are health data: the same roles and
the same consent as the consultation apply, and on disk the folders are 0700 and
the files 0600, their owner's only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action
from frontdesk.core.validation import without_controls
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import NotFound, ValidationError
from frontdesk.models.consultation import ConsultationPhoto, ConsultationRecord, PhotoKind
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.health.consultation import consented_client, require_audited
from frontdesk.services.rows import check_row_id, get_row
from frontdesk.storage.private import private_dir

MAX_PHOTO_BYTES = 20 * 1024 * 1024
PREVIEW_PIXELS = 256
"""The size a JPEG is decoded at to check it (a real decode, eight times faster)."""
_PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}


class PhotoMissing(NotFound):
    template = "The photo file {name} is missing or damaged in the photos folder."


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
    ext: str
    data: bytes
    sha256: str


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


def _read_photo(source: Path) -> tuple[bytes, str, str]:
    """The file's bytes, media type and extension; ValidationError naming ``source_path``."""
    data = _read_ordinary_file(source)
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError("A photo may be at most {mb} MB.", field="source_path",
                              mb=MAX_PHOTO_BYTES // (1024 * 1024))
    sniffed = sniff_image(data[:12])
    if sniffed is None:
        raise ValidationError("{name} is not a JPEG, PNG or WEBP photo.",
                              field="source_path", name=source.name)
    if sniffed[0] == "image/heic":
        raise ValidationError("{name} is a HEIC photo, which FrontDesk cannot show. Export "
                              "it as JPEG (on the phone or in the Photos app) and add that.",
                              field="source_path", name=source.name)
    _check_decodes(data, sniffed[0], source.name)
    return data, *sniffed


def _read_ordinary_file(source: Path) -> bytes:
    """At most MAX_PHOTO_BYTES + 1 bytes of an ordinary file; a pipe, device or folder is
    refused unopened (then checked again on the open file, in case it was swapped)."""
    try:
        if not stat.S_ISREG(source.stat().st_mode):
            raise _not_a_file(source)
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise _not_a_file(source)
            return f.read(MAX_PHOTO_BYTES + 1)
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
        self._db = db
        self._clock = clock
        self._dir = Path(photos_dir)

    @unit_of_work
    def attach(self, actor: Actor, record_id: int, source_path: str | Path,
               kind: PhotoKind | str) -> PhotoInfo:
        """Copy a photo into the photos folder and record it against a consultation."""
        require_audited(self._db, self._clock, actor, Action.EDIT_HEALTH,
                        AuditAction.HEALTH_SAVE_DENIED,
                        "consultation", record_id)
        kind = _photo_kind(kind)
        source = Path(source_path)
        data, media_type, ext = _read_photo(source)
        new = _NewPhoto(kind, without_controls(source.name)[:255], media_type, ext, data,
                        hashlib.sha256(data).hexdigest())
        created: list[Path] = []
        try:
            with self._db.write() as s:
                return self._record(s, actor, record_id, new, created)
        except BaseException:
            for path in created:  # the database said no: take back the file it would name
                path.unlink(missing_ok=True)
            raise

    def _record(self, s: Session, actor: Actor, record_id: int, new: _NewPhoto,
                created: list[Path]) -> PhotoInfo:
        rec = get_row(s, ConsultationRecord, record_id)
        if rec is None:
            raise NotFound("No consultation record with id {id}.", field="record_id",
                           id=record_id)
        consented_client(s, rec.client_id)
        same = s.scalar(select(ConsultationPhoto).where(
            ConsultationPhoto.record_id == record_id, ConsultationPhoto.sha256 == new.sha256))
        if same is not None:
            return _info(same)
        rel = f"{rec.client_id}/{new.sha256}{new.ext}"
        if (path := self._store(rel, new.data)) is not None:
            created.append(path)
        photo = ConsultationPhoto(
            record_id=record_id, client_id=rec.client_id, kind=new.kind, rel_path=rel,
            sha256=new.sha256, media_type=new.media_type, size_bytes=len(new.data),
            original_name=new.name, added_at=self._clock(), added_by_id=actor.staff_id)
        s.add(photo)
        s.flush()
        audit.record(s, self._clock(), actor, AuditAction.HEALTH_PHOTO_ADD, "consultation_photo",
                     photo.id,
                     f"client={rec.client_id} record={record_id}")
        return _info(photo)

    def _store(self, rel: str, data: bytes) -> Path | None:
        """Write the bytes under ``rel`` atomically; the path if new, None if already there."""
        target = self._path(rel)
        if target.exists():
            return None
        private_dir(self._dir)
        private_dir(target.parent)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    def _path(self, rel: str) -> Path:
        root = self._dir.resolve()
        path = (root / rel).resolve()
        if not path.is_relative_to(root):
            raise PhotoMissing(name=rel)
        return path

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
            rel = photo.rel_path
        try:
            data = self._path(rel).read_bytes()
        except OSError:
            raise PhotoMissing(name=rel) from None
        if hashlib.sha256(data).hexdigest() != info.sha256:
            raise PhotoMissing(name=rel)
        return PhotoData(info, data)
