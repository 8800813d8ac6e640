"""Make an older store's database as a test fixture: the upgrade test opens it with today's code.

A store that installs a new FrontDesk over an old one keeps its database; the new code
upgrades it at first start, after a backup. ``tests/unit/test_upgrade_from_older_store.py``
checks that on real databases made by earlier code, and this tool makes them: it takes
the ``frontdesk`` package as it was at a git commit (``git archive``, into a temporary
folder; the working tree is not touched), runs THAT code's own ``frontdesk init`` and
``frontdesk demo`` with this venv's interpreter (PYTHONPATH pointing at the old package;
the dependencies are compatible, or the old code fails and the tool says so), and writes
the SQLite database as an SQL text dump (``sqlite3``'s ``iterdump``), gzip-compressed,
its first line a comment naming the commit, its ``__version__``, its Alembic head and
the date::

    .venv/bin/python -m tools.store_fixture 8379bbb tests/data/stores/0.1.0-8379bbb.sql.gz

Each release adds its fixture (made from its tag), so every later version is tested
opening every earlier release's store; ``tests/data/stores/README.md`` records each
file's command. Running it again is harmless: a file already made from the same commit
is left as it is (``--force`` makes it again; the demo's dates follow the day it runs),
and nothing is left behind in the temporary folder or the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DB_FILE = "frontdesk.sqlite3"
ADMIN_PASSWORD = "fixture-admin-1"
"""The ``init`` admin's password (the demo accounts have the demo's own, DEMO_PASSWORD)."""
STORE_NAME = "升级测试店"
HEADER = "-- FrontDesk store fixture: "
_ABOUT = ("import json, frontdesk, frontdesk.migrations as m; print(json.dumps("
          "{'file': frontdesk.__file__, 'version': frontdesk.__version__, 'head': m.HEAD}))")


@dataclass(frozen=True)
class Source:
    """The code of one commit, unpacked in ``root``."""

    commit: str
    subject: str
    version: str
    head: str
    root: Path


def resolve(commit: str) -> tuple[str, str]:
    """The full hash of ``commit`` and its subject line."""
    out = _git("log", "-1", "--format=%H%n%s", f"{commit}^{{commit}}")
    full, subject = out.split("\n", 1)
    return full, subject.strip()


def unpack(commit: str, into: Path) -> None:
    """The ``frontdesk`` package as it was at ``commit``, written under ``into``."""
    archive = into / "source.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit, "frontdesk"],
                       stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    archive.unlink()


def describe(commit: str, root: Path) -> Source:
    """What the unpacked code says of itself; refuses if Python would import another copy."""
    full, subject = resolve(commit)
    about = json.loads(_python(root, ["-c", _ABOUT], _environment(root, root)).stdout)
    if not Path(about["file"]).resolve().is_relative_to(root.resolve()):
        raise SystemExit(f"PYTHONPATH did not win: frontdesk came from {about['file']}")
    return Source(full, subject, about["version"], about["head"], root)


def make_store(source: Source, data: Path, clients: int) -> Path:
    """That code's own ``init`` and ``demo`` into a new data folder; the database file."""
    env = _environment(source.root, data)
    _python(source.root, ["-m", "frontdesk", "init", "--store", STORE_NAME,
                          "--admin", "admin"], env)
    _python(source.root, ["-m", "frontdesk", "demo", "--clients", str(clients),
                          "--quiet"], env)
    return data / "data" / DB_FILE


def header(source: Source, today: dt.date) -> str:
    """The dump's first line: which code made it, when."""
    return (f"{HEADER}commit {source.commit} ({source.subject}); frontdesk "
            f"{source.version}; alembic head {source.head}; made {today.isoformat()}\n")


def dump(database: Path, first_line: str, output: Path) -> None:
    """The database as SQL text, gzip-compressed (no timestamp in gzip's own header);
    written beside ``output`` and renamed over it, so a failure leaves no half file."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(f".{output.name}.partial")
    conn = sqlite3.connect(database)
    try:
        with partial.open("wb") as raw, \
                gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
            out.write(first_line.encode())
            for statement in conn.iterdump():
                out.write(f"{statement}\n".encode())
        partial.replace(output)
    finally:
        conn.close()
        partial.unlink(missing_ok=True)


def made_from(output: Path) -> str | None:
    """The commit an existing fixture names in its header, or None."""
    try:
        with gzip.open(output, "rt", encoding="utf-8") as f:
            first = f.readline()
    except (OSError, EOFError):
        return None
    if not first.startswith(HEADER + "commit "):
        return None
    return first.removeprefix(HEADER + "commit ").split(" ", 1)[0]


def make_fixture(commit: str, output: Path, clients: int, force: bool = False) -> bool:
    """Write the fixture of ``commit`` to ``output``; False when it was there already."""
    full, _ = resolve(commit)
    if not force and made_from(output) == full:
        return False
    with tempfile.TemporaryDirectory(prefix="frontdesk-fixture-") as tmp:
        root = Path(tmp) / "source"
        root.mkdir()
        unpack(full, root)
        source = describe(full, root)
        database = make_store(source, Path(tmp) / "run", clients)
        dump(database, header(source, dt.date.today()), output)
    return True


def _environment(root: Path, data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("FRONTDESK_") and k != "PYTHONPATH"}
    return {**env, "PYTHONPATH": str(root), "FRONTDESK_DATA_DIR": str(data / "data"),
            "FRONTDESK_LOG_DIR": str(data / "log"), "FRONTDESK_ADMIN_PASSWORD": ADMIN_PASSWORD,
            "QT_QPA_PLATFORM": "offscreen"}


def _python(root: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, *args], cwd=root, env=env, capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the code at {root} failed ({' '.join(args)}), exit "
                         f"{done.returncode}:\n{done.stderr[-4000:]}")
    return done


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True,
                          check=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("commit", help="the git commit (hash, tag or branch) whose code makes it")
    parser.add_argument("output", type=Path, help="the .sql.gz file to write")
    parser.add_argument("--clients", type=int, default=60, help="demo clients (default 60)")
    parser.add_argument("--force", action="store_true",
                        help="make it again even if OUTPUT was made from this commit")
    args = parser.parse_args(argv)
    made = make_fixture(args.commit, args.output, args.clients, args.force)
    size = args.output.stat().st_size
    print(f"{args.output}: {'written' if made else 'already made from this commit'}, "
          f"{size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
