"""Photo files that are not photos: a FIFO, a folder, a device, bytes that only start like a
picture, HEIC; and the file's name kept as a caption without control characters."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.errors import ValidationError
from frontdesk.models.consultation import ConsultationPhoto
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.health.form import ConsultationForm
from frontdesk.services.health.photos import PhotoInfo
from frontdesk.services.registry import Services


def picture(kind: str, size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (224, 160, 176)).save(out, kind)
    return out.getvalue()


@pytest.fixture
def record_id(services: Services, admin: Actor) -> int:
    client = services.clients.register(admin, NewClient("王芳", "13900001111",
                                                        consent_health=True))
    return services.consultation.save(admin, client.client_id, ConsultationForm())


def attach(services: Services, admin: Actor, record_id: int, path: Path) -> PhotoInfo:
    return services.photos.attach(admin, record_id, path, "before")


def photo_count(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count(ConsultationPhoto.id))) or 0


def refused(services: Services, admin: Actor, record_id: int, path: Path) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        attach(services, admin, record_id, path)
    assert caught.value.field == "source_path"
    assert photo_count(services) == 0
    return caught.value


def test_a_fifo_is_refused_without_being_opened(services: Services, admin: Actor,
                                                record_id: int, tmp_path: Path) -> None:
    """A writer waits on the FIFO with a real photo: opening the FIFO would let it through
    (and with no writer, block the desk). Nothing here waits on a clock."""
    fifo = tmp_path / "camera.jpg"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(picture("JPEG")))
    writer.start()
    try:
        error = refused(services, admin, record_id, fifo)
    finally:
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # releases the waiting writer
        writer.join()
        os.close(fd)
    assert "not a file" in error.message


@pytest.mark.parametrize("path", ["folder", "/dev/zero", "missing.jpg"])
def test_a_folder_a_device_and_a_missing_file_are_refused(
        services: Services, admin: Actor, record_id: int, tmp_path: Path, path: str) -> None:
    refused(services, admin, record_id, tmp_path / path if path != "/dev/zero" else Path(path))


@pytest.mark.parametrize("content", [
    b"\xff\xd8\xff\xe0<html><body><script>alert(1)</script></body></html>",
    picture("JPEG")[:300],
    picture("PNG")[:33] + b"\0" * 200,
    b"RIFF\x20\0\0\0WEBPVP8 " + b"<html></html>" * 9,
], ids=["html-after-jpeg-magic", "half-a-jpeg", "png-of-zeros", "html-after-webp-magic"])
def test_bytes_that_only_start_like_a_photo_are_refused(
        services: Services, admin: Actor, record_id: int, tmp_path: Path,
        content: bytes) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(content)
    error = refused(services, admin, record_id, path)
    assert "cannot be opened" in error.message
    assert not (tmp_path / "photos").exists() or not any((tmp_path / "photos").rglob("*.*"))


def test_heic_is_refused_with_the_way_out(services: Services, admin: Actor, record_id: int,
                                          tmp_path: Path) -> None:
    path = tmp_path / "IMG_0001.HEIC"
    path.write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 64)
    error = refused(services, admin, record_id, path)
    assert "Export it as JPEG" in error.message and error.params["name"] == "IMG_0001.HEIC"


@pytest.mark.parametrize(("kind", "media_type"), [("JPEG", "image/jpeg"), ("PNG", "image/png"),
                                                  ("WEBP", "image/webp")])
def test_real_photos_are_kept(services: Services, admin: Actor, record_id: int, tmp_path: Path,
                              kind: str, media_type: str) -> None:
    path = tmp_path / f"face.{kind.lower()}"
    path.write_bytes(picture(kind, (1600, 1200)))
    info = attach(services, admin, record_id, path)
    assert (info.media_type, info.size_bytes) == (media_type, path.stat().st_size)
    assert photo_count(services) == 1


def test_the_file_name_is_kept_without_control_characters(
        services: Services, admin: Actor, record_id: int, tmp_path: Path) -> None:
    """Linux allows an escape in a name, and bytes that are not UTF-8 (read back as lone
    surrogates, which no database stores): the photo is kept, its name cleaned."""
    path = Path(os.fsdecode(bytes(tmp_path) + b"/face\x1b[31m\xff.png"))
    path.write_bytes(picture("PNG"))
    info = attach(services, admin, record_id, path)
    assert info.original_name == "face [31m .png"
