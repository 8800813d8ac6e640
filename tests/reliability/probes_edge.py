"""Edge inputs as attacks: control characters, over-long values, huge ids, far dates,
letters in phones, photos that are not photos, sheets to nowhere, a closed pipe.

Each case is one attempt through the real services on a fresh database (the table
is :mod:`tests.edge_inputs`, which the unit tests assert case by case). "Accepted"
counts cases after which the database changed: a control character or an over-long
value stored, a phone read from letters, a photo kept, a ``health.view`` row for a
sheet that was not written. "Raw errors" counts anything but a DomainError or a
StorageError reaching the caller (for the command line: a traceback on stderr).
The cases run one after the other: what is attacked here is the input, not a race.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from frontdesk.core.context import system_clock
from frontdesk.db import Database
from frontdesk.services.registry import Services
from frontdesk.services.sheet.words import SheetWords
from tests.edge_inputs import (
    NUMBER_CASES,
    Result,
    Store,
    attack,
    attacks,
    build_store,
    cases,
    find_into_closed_pipe,
)
from tests.reliability.probe import Backend, Outcome, probe


@contextmanager
def _store(backend: Backend) -> Iterator[Store]:
    with backend.fresh() as db, tempfile.TemporaryDirectory(prefix="frontdesk-edge-") as tmp:
        yield build_store(Services(db, system_clock, photos_dir=Path(tmp) / "photos"))


def _outcome(results: list[Result], what: str) -> Outcome:
    accepted = sum(r.changed for r in results)
    errors = sum(r.raw_error for r in results)
    return Outcome(len(results), accepted, 0, errors, what, accepted == 0 and errors == 0)


@probe("edge: text inputs", "NUL, other control characters, lone surrogates, line breaks in "
       "one-line fields and one character too many, sent to every service input that reaches "
       "a text column or a query (registration, profile, preferences, search, sign-in, staff, "
       "store, catalog, appointments, check-in, check-out, consultation form)")
def text_inputs(backend: Backend) -> Outcome:
    with _store(backend) as store:
        table = list(cases())
        results = attacks(store.services.db,
                          [lambda e=entry, v=value: e.call(store, v) for entry, _, value in table])
    return _outcome(results, "accepted = 0, raw errors = 0")


@probe("edge: ids and dates", "ids of 2**63 to every service that takes one, and bookings, "
       "day lists and consultation dates in the years 1, 2200 and 9999")
def numbers(backend: Backend) -> Outcome:
    with _store(backend) as store:
        results = attacks(store.services.db, [lambda c=c: c.call(store) for c in NUMBER_CASES])
    return _outcome(results, "accepted = 0, raw errors = 0")


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 120, 90)).save(out, "PNG")
    return out.getvalue()


def _jpeg() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 90)).save(out, "JPEG")
    return out.getvalue()


PHOTO_FILES: dict[str, Callable[[], bytes]] = {
    "JPEG magic, then HTML": lambda: b"\xff\xd8\xff\xe0<html><script>alert(1)</script></html>",
    "JPEG cut in half": lambda: _jpeg()[: len(_jpeg()) // 2],
    "PNG header, then zeros": lambda: _png()[:33] + b"\0" * 200,
    "HEIC brand, then text": lambda: b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"not a picture" * 9,
    "WEBP magic, then text": lambda: b"RIFF\x20\0\0\0WEBPVP8 " + b"not a picture" * 9,
}


def _attach(store: Store, path: Path) -> Any:
    return store.services.photos.attach(store.admin, store.record_id, path, "before")


@probe("edge: photos", "files that start like a photo and are not one (HTML after JPEG magic, "
       "half a JPEG, a PNG of zeros, a HEIC or WEBP header over text), a FIFO with a writer "
       "ready to send a real photo, a folder and /dev/zero, attached as consultation photos")
def photos(backend: Backend) -> Outcome:
    results = []
    with _store(backend) as store, tempfile.TemporaryDirectory() as tmp:
        db = store.services.db
        for i, make in enumerate(PHOTO_FILES.values()):
            path = Path(tmp) / f"photo{i}.jpg"
            path.write_bytes(make())
            results.append(attack(db, lambda p=path: _attach(store, p)))
        results.append(_fifo_attack(store, Path(tmp) / "fifo.png", _png()))
        results.append(attack(db, lambda: _attach(store, Path(tmp))))
        results.append(attack(db, lambda: _attach(store, Path("/dev/zero"))))
    return _outcome(results, "accepted = 0, raw errors = 0")


def _fifo_attack(store: Store, fifo: Path, content: bytes) -> Result:
    """Attach a FIFO whose writer waits to send ``content``: accepted if the photo is kept.

    Nothing is timed: if the service opens the FIFO, the writer feeds it; if it refuses
    first, the writer is released by opening the FIFO here.
    """
    os.mkfifo(fifo)

    def write() -> None:
        with suppress(BrokenPipeError):  # the service looked and closed it again: fine
            fifo.write_bytes(content)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = attack(store.services.db, lambda: _attach(store, fifo))
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # lets a still-waiting writer through
    writer.join()
    os.close(fd)
    return result


def _health_views(db: Database) -> int:
    from sqlalchemy import func, select

    from frontdesk.models import AuditEntry

    with db.read() as s:
        return s.scalar(select(func.count(AuditEntry.id))
                        .where(AuditEntry.action == "health.view")) or 0


@probe("edge: sheet to nowhere", "the client analysis sheet written to a missing folder, a "
       "folder, a path under a file and a path in /proc; accepted = a health.view audit row "
       "for a sheet that was not written")
def sheet_targets(backend: Backend) -> Outcome:
    attempts = accepted = errors = 0
    with _store(backend) as store, tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a-file").write_text("x")
        targets = [Path(tmp) / "missing" / "sheet.pdf", Path(tmp), Path(tmp) / "a-file" / "x.pdf",
                   Path("/proc/frontdesk-sheet.pdf")]
        for target in targets:
            attempts += 1
            before = _health_views(store.services.db)
            try:
                store.services.sheet.write_sheet(store.admin, store.client_id, target,
                                                 SheetWords(language="en"))
            except Exception as exc:
                errors += not _is_refusal(exc)
            accepted += _health_views(store.services.db) != before or target.is_file()
    return Outcome(attempts, accepted, 0, errors, "accepted = 0, raw errors = 0",
                   accepted == 0 and errors == 0)


def _is_refusal(exc: Exception) -> bool:
    from frontdesk.errors import DomainError, StorageError

    return isinstance(exc, (DomainError, StorageError))


@probe("edge: find into a closed pipe", "'frontdesk find' piped into a reader that has "
       "already gone (as head has after its lines), 5 times; a raw error is a traceback")
def broken_pipe(backend: Backend) -> Outcome:
    attempts = errors = 0
    with backend.fresh() as db, tempfile.TemporaryDirectory() as tmp:
        store = build_store(Services(db, system_clock, photos_dir=Path(tmp)))
        for i in range(60):
            store.services.clients.register(store.admin, _new_client(i))
        for _ in range(5):
            attempts += 1
            errors += "Error" in find_into_closed_pipe(db.url)[1]
    return Outcome(attempts, 0, 0, errors, "raw errors = 0", errors == 0)


def _new_client(i: int) -> Any:
    from frontdesk.services.clients.registration import NewClient

    return NewClient(f"王{chr(0x4E00 + i)}", f"136{i:08d}")
