"""The ``frontdesk`` command: the GUI by default, and the same services from a terminal.

    frontdesk                       open the program (same as ``frontdesk gui``)
    frontdesk init --store NAME --admin USER     set up a new database without the wizard
    frontdesk demo --clients N      fill the database with a believable demo salon
    frontdesk find QUERY --as USER [--limit N]   search clients as the desk does (phone tail,
                                    name, pinyin…), signed in as USER
    frontdesk sheet CLIENT -o FILE.pdf --as USER [--lang zh_CN|en]   print a client analysis
                                    sheet, signed in as USER
    frontdesk check --as USER       check the card ledger, the balances and the visits' payments
                                    (exit status 1 on any violation)
    frontdesk card show CARD --as USER   a member card: owner, balances, holders, last operations
    frontdesk due [--on YYYY-MM-DD] --as USER   what is due that day, one task a line (kind,
                                    client, due date, reason); a day not scanned yet shows
                                    what the scan would make (nothing is written)
    frontdesk report complaints --month YYYY-MM -o FILE.xlsx --as USER [--lang zh_CN|en]
                                    the month's complaints, satisfaction and spot checks
                                    as an Excel workbook
    frontdesk export KIND -o FILE.xlsx --as USER [--lang zh_CN|en] [--since D] [--until D]
                                    a list as an Excel workbook (clients, visits, card_ledger,
                                    care, complaints, surveys; all: every table)
    frontdesk import FILE [--dry-run] [--update-existing] [--report REPORT.csv] --as USER
                                    a client list from Excel (.xlsx) or CSV: rows checked,
                                    then written in one transaction (exit 1: file refused);
                                    an "all my data" workbook is restored into an empty
                                    database instead (no --as)
    frontdesk festivals YEAR [--lang zh_CN|en]   that year's festival dates, one a line
    frontdesk db upgrade            bring the database to the current schema (after a backup)
    frontdesk backup [--to DIR]     a verified backup of the SQLite file, taken while it is in use
    frontdesk restore [FILE]        put a backup in place of the database (no FILE: list them)
    frontdesk version               print the version

``--database URL`` (or ``FRONTDESK_DATABASE_URL``) picks another database.

Commands that read clients act as a named staff member: ``--as USER`` signs in
for real (the password from ``FRONTDESK_PASSWORD`` or a prompt; the lock-out
applies), then acts with that person's role (phones masked unless it may see them)
and the audit trail names them.

Every command runs with the umask 077: what FrontDesk writes is its user's only.
A database that cannot be used (damaged, empty, newer, unreachable…) is said on
stderr with what to do, and the exit code is 3; a refused action exits with 2.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk import __version__
from frontdesk.bootstrap import build_services, connect, open_database, sqlite_file
from frontdesk.cli_storage import cmd_backup, cmd_restore, storage_message
from frontdesk.config import Paths, load_paths
from frontdesk.errors import DomainError, StorageError, ValidationError
from frontdesk.storage.private import private_umask

if TYPE_CHECKING:
    from frontdesk.core.context import Actor
    from frontdesk.services.registry import Services

Command = Callable[[argparse.Namespace, Paths], int]
SIGPIPE_EXIT = 128 + 13
"""The exit status of a process ended by SIGPIPE, as a shell reports it."""
PASSWORD_ENV = "FRONTDESK_PASSWORD"
EXPORT_KINDS = ("clients", "visits", "card_ledger", "care", "complaints", "surveys", "all")
"""``frontdesk export``'s kinds (frontdesk.cli_export.KINDS, without importing it here)."""


def cmd_gui(args: argparse.Namespace, paths: Paths) -> int:
    from frontdesk.app import run_gui  # PySide6 is imported only for the GUI

    return run_gui(paths)


def cmd_version(args: argparse.Namespace, paths: Paths) -> int:
    print(f"FrontDesk {__version__}")
    return 0


def cmd_db_upgrade(args: argparse.Namespace, paths: Paths) -> int:
    from frontdesk.migrate import upgrade
    from frontdesk.storage.backups import default_folder

    db = connect(paths)
    path = sqlite_file(paths)
    try:
        result = upgrade(db, default_folder(path) if path else None)
    finally:
        db.dispose()
    if result.changed:
        print(f"upgraded {result.from_revision or 'empty database'} -> {result.to_revision}")
        if result.backup:
            print(f"backup: {result.backup}")
    else:
        print(f"already current ({result.to_revision})")
    return 0


def cmd_init(args: argparse.Namespace, paths: Paths) -> int:
    services = build_services(paths, open_database(paths))
    password = os.environ.get("FRONTDESK_ADMIN_PASSWORD") or getpass.getpass("Admin password: ")
    actor = services.store.initialise(args.store, args.admin, args.admin_name or args.admin,
                                      password)
    print(f"store '{args.store}' created; admin '{actor.username}' can sign in")
    return 0


def cmd_demo(args: argparse.Namespace, paths: Paths) -> int:
    from frontdesk.demo.fill import DemoOptions, fill_demo

    db = open_database(paths)
    started = time.perf_counter()

    def progress(stage: str, done: int, total: int) -> None:
        if not args.quiet:
            print(f"\r{stage}: {done:,}/{total:,}".ljust(40), end="", file=sys.stderr, flush=True)

    options = DemoOptions(clients=args.clients, seed=args.seed, years=args.years,
                          language=args.language)
    summary = fill_demo(db, options, progress=progress)
    if not args.quiet:
        print(file=sys.stderr)
    print(f"{summary.headline} in {time.perf_counter() - started:.1f} s")
    if summary.sign_ins:
        print(summary.sign_ins)
    return 0


def sign_in(args: argparse.Namespace, services: Services) -> Actor:
    """The person ``--as`` names, signed in with the password from the environment or a prompt."""
    return services.auth.sign_in(args.user, _password(args.user))


def _password(user: str) -> str:
    """From the environment, else typed at the terminal; refused when neither can be had."""
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if not sys.stdin.isatty():
        raise ValidationError("No password for {user}: type it at a terminal, or set {env}.",
                              field="password", user=user, env=PASSWORD_ENV)
    try:
        return getpass.getpass(f"Password for {user}: ")
    except EOFError:
        raise ValidationError("No password for {user}: type it at a terminal, or set {env}.",
                              field="password", user=user, env=PASSWORD_ENV) from None


def cmd_find(args: argparse.Namespace, paths: Paths) -> int:
    """Print the clients matching a query, best first, one a line.

    The search acts as the person signed in with ``--as``: phone numbers are
    masked (138****5678) unless their role may see them.
    """
    db = open_database(paths)
    try:
        services = build_services(paths, db)
        hits = services.search.search(sign_in(args, services), args.query, args.limit)
    finally:
        db.dispose()
    for hit in hits:
        last = hit.last_visit.isoformat() if hit.last_visit else "-"
        print("\t".join((hit.name, hit.tier or "-", hit.phone or "-", last,
                         ",".join(hit.flags) or "-", f"[{hit.matched_by.value}]")))
    if not hits:
        print(f"no client matches {args.query!r}", file=sys.stderr)
    return 0 if hits else 1


def cmd_sheet(args: argparse.Namespace, paths: Paths) -> int:
    """Write one client's analysis sheet (客情分析表) as a PDF.

    CLIENT is a phone number (for roles that see full numbers), a member number or
    a client id. The sheet is printed as the person signed in with ``--as``, whose
    role must allow it; the audit trail records the view with ``via=cli``.
    """
    from frontdesk.services.sheet.service import find_client

    # The sheet's words come from the translation files, as in the program: this imports
    # the UI's word builder, which needs QtCore only (no window, no display).
    from frontdesk.ui.clients.sheet_words import sheet_words

    db = open_database(paths)
    try:
        services = build_services(paths, db)
        actor = sign_in(args, services)
        client_id = find_client(db, actor, args.client)
        services.sheet.write_sheet(actor, client_id, args.output, sheet_words(args.lang),
                                   via="cli")
    finally:
        db.dispose()
    print(f"sheet written to {args.output}")
    return 0


def cmd_check(args: argparse.Namespace, paths: Paths) -> int:
    """Check the card ledger and the visits' payments; print what was checked and each
    violation; exit 1 when anything is wrong."""
    db = open_database(paths)
    try:
        services = build_services(paths, db)
        report = services.card_report.check(sign_in(args, services))
    finally:
        db.dispose()
    for item in report.items:
        state = "ok" if not item.found else f"{item.found:,} wrong"
        print(f"checked {item.checked:,}\t{item.name}: {state}")
        for v in item.violations:
            print(f"  {v.detail}")
        if item.found > len(item.violations):
            print(f"  … and {item.found - len(item.violations):,} more")
    verdict = "consistent" if report.ok else f"{report.found:,} violation(s)"
    print(f"{verdict} ({report.seconds:.1f} s)")
    return 0 if report.ok else 1


def cmd_card_show(args: argparse.Namespace, paths: Paths) -> int:
    """Print one member card, found by its number, as the person signed in sees it."""
    from frontdesk.cli_cards import show_card

    db = open_database(paths)
    try:
        services = build_services(paths, db)
        lines = show_card(services, sign_in(args, services), args.card, args.last)
    finally:
        db.dispose()
    print("\n".join(lines))
    return 0


def cmd_due(args: argparse.Namespace, paths: Paths) -> int:
    """Print the care tasks due on a day (default today) as the person signed in works them."""
    import datetime as dt

    from frontdesk.cli_care import due_lines

    try:
        day = dt.date.fromisoformat(args.on) if args.on else None
    except ValueError:
        raise ValidationError("Give the day as YYYY-MM-DD.", field="on") from None
    db = open_database(paths)
    try:
        services = build_services(paths, db)
        lines = due_lines(services, sign_in(args, services), day)
    finally:
        db.dispose()
    for line in lines:
        print(line)
    if not lines:
        print("nothing due", file=sys.stderr)
    return 0


def cmd_report_complaints(args: argparse.Namespace, paths: Paths) -> int:
    """Write the month's complaints and satisfaction workbook as the person signed in."""
    from frontdesk.cli_report import parse_month, write_report

    month = parse_month(args.month)
    db = open_database(paths)
    try:
        services = build_services(paths, db)
        path = write_report(services, sign_in(args, services), month, Path(args.output),
                            args.lang)
    finally:
        db.dispose()
    print(f"report written to {path}")
    return 0


def cmd_export(args: argparse.Namespace, paths: Paths) -> int:
    """Write a list (or all the data) as a workbook, as the person signed in sees it."""
    from frontdesk.cli_export import parse_day, write_export

    since, until = parse_day(args.since, "since"), parse_day(args.until, "until")
    db = open_database(paths)
    try:
        services = build_services(paths, db)
        result = write_export(services, sign_in(args, services), args.kind, Path(args.output),
                              args.lang, since, until)
    finally:
        db.dispose()
    print(f"{result.rows:,} rows written to {result.path}")
    return 0


def cmd_import(args: argparse.Namespace, paths: Paths) -> int:
    """Import a client list (or restore an "all my data" workbook into an empty database)."""
    from frontdesk.cli_transfer import import_list, restore
    from frontdesk.services.imports.reading import is_all_data_workbook

    db = open_database(paths)
    try:
        if is_all_data_workbook(Path(args.file)):
            return restore(args, db)
        if not args.user:
            raise ValidationError("Say who imports: --as USER (a manager or admin).",
                                  field="user")
        services = build_services(paths, db)
        return import_list(services, sign_in(args, services), args)
    finally:
        db.dispose()


def cmd_festivals(args: argparse.Namespace, paths: Paths) -> int:
    """Print a Gregorian year's festival dates (the store's, or the built-ins), in date order."""
    from frontdesk.cli_festivals import festival_lines

    print("\n".join(festival_lines(paths, args.year, args.lang)))
    return 0


def _reader_gone() -> int:
    """The reader of our output has gone (``frontdesk find … | head``): stop quietly.

    Python ignores SIGPIPE, so the write raised BrokenPipeError instead of ending the
    process as it ends ``grep`` or ``cat``. Point stdout at the null device, so the
    flush at exit cannot fail again, and exit 141 (128 + SIGPIPE), the status a shell
    reports for those tools: ``set -o pipefail`` scripts see the same as with them.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return SIGPIPE_EXIT


def _add_signer(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="user", required=True, metavar="USER",
                        help=f"sign in as this staff member (password from {PASSWORD_ENV} "
                             "or a prompt) and act with their role")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frontdesk", description="FrontDesk front-desk program")
    parser.add_argument("--database", metavar="URL",
                        help="SQLAlchemy URL of the database (default: the embedded SQLite file)")
    parser.set_defaults(command=cmd_gui)
    sub = parser.add_subparsers(title="commands")
    sub.add_parser("gui", help="open the program (the default)").set_defaults(command=cmd_gui)
    sub.add_parser("version", help="print the version").set_defaults(command=cmd_version)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(title="database commands", required=True)
    db_sub.add_parser("upgrade", help="upgrade the schema (after a backup copy)").set_defaults(
        command=cmd_db_upgrade)

    init = sub.add_parser("init", help="set up a new database without the wizard")
    init.add_argument("--store", required=True, help="the store's name")
    init.add_argument("--admin", default="admin", help="the first admin's user name")
    init.add_argument("--admin-name", default="", help="the first admin's display name")
    init.set_defaults(command=cmd_init)

    demo = sub.add_parser("demo", help="fill the database with a demo salon")
    demo.add_argument("--clients", type=int, default=2000, help="how many clients (default 2000)")
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    demo.add_argument("--years", type=int, default=2, help="years of visit history (default 2)")
    demo.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN",
                      help="the store's words: its name, rooms, services, tiers (default zh_CN)")
    demo.add_argument("--quiet", action="store_true", help="no progress output")
    demo.set_defaults(command=cmd_demo)

    find = sub.add_parser("find", help="search clients as a signed-in staff member")
    find.add_argument("query", help="phone tail, phone, card number, name, pinyin or initials")
    find.add_argument("--limit", type=int, default=20, help="most matches to print (default 20)")
    _add_signer(find)
    find.set_defaults(command=cmd_find)

    sheet = sub.add_parser("sheet", help="write a client analysis sheet as a PDF")
    sheet.add_argument("client", metavar="CLIENT", help="phone number, member number or client id")
    sheet.add_argument("-o", "--output", required=True, metavar="FILE", help="the PDF to write")
    sheet.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN",
                       help="the sheet's language (default zh_CN)")
    _add_signer(sheet)
    sheet.set_defaults(command=cmd_sheet)

    check = sub.add_parser("check", help="check the card ledger, balances and visits' payments")
    _add_signer(check)
    check.set_defaults(command=cmd_check)

    card = sub.add_parser("card", help="member cards")
    card_sub = card.add_subparsers(title="card commands", required=True)
    show = card_sub.add_parser("show", help="a member card, by its number")
    show.add_argument("card", metavar="CARD", help="the card number")
    show.add_argument("--last", type=int, default=10,
                      help="how many of its last operations to print (default 10)")
    _add_signer(show)
    show.set_defaults(command=cmd_card_show)

    due = sub.add_parser("due", help="the care tasks due on a day, one a line")
    due.add_argument("--on", metavar="YYYY-MM-DD", help="the day (default today)")
    _add_signer(due)
    due.set_defaults(command=cmd_due)

    report = sub.add_parser("report", help="reports as Excel workbooks")
    report_sub = report.add_subparsers(title="reports", required=True)
    complaints = report_sub.add_parser(
        "complaints", help="the month's complaints, satisfaction and spot checks (.xlsx)")
    complaints.add_argument("--month", required=True, metavar="YYYY-MM", help="the month")
    complaints.add_argument("-o", "--output", required=True, metavar="FILE",
                            help="the .xlsx workbook to write")
    complaints.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN",
                            help="the workbook's language (default zh_CN)")
    _add_signer(complaints)
    complaints.set_defaults(command=cmd_report_complaints)

    export = sub.add_parser("export", help="a list as an Excel workbook (.xlsx)")
    export.add_argument("kind", metavar="KIND", choices=EXPORT_KINDS,
                        help="what to export: " + ", ".join(EXPORT_KINDS))
    export.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the .xlsx workbook to write")
    export.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN",
                        help="the workbook's language (default zh_CN)")
    export.add_argument("--since", metavar="YYYY-MM-DD", help="from this day on")
    export.add_argument("--until", metavar="YYYY-MM-DD", help="up to this day, included")
    _add_signer(export)
    export.set_defaults(command=cmd_export)


    from frontdesk.cli_transfer import add_import_parser

    add_import_parser(sub, cmd_import)

    festivals = sub.add_parser("festivals", help="a year's festival dates, one a line")
    festivals.add_argument("year", type=int, metavar="YEAR", help="the Gregorian year")
    festivals.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN",
                           help="the festivals' names' language (default zh_CN)")
    festivals.set_defaults(command=cmd_festivals)

    backup = sub.add_parser("backup", help="back up the SQLite database (verified)")
    backup.add_argument("--to", metavar="DIR",
                        help="the folder to write to (default: the chosen backup folder)")
    backup.set_defaults(command=cmd_backup)
    restore = sub.add_parser("restore", help="restore a backup (without FILE: list them)")
    restore.add_argument("file", nargs="?", metavar="FILE", help="the backup to restore")
    restore.set_defaults(command=cmd_restore)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = load_paths(args.database)
    command: Command = args.command
    try:
        with private_umask():
            code = command(args, paths)
            sys.stdout.flush()  # here, where a closed pipe can be caught, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except DomainError as exc:
        print(f"frontdesk: {exc.message}", file=sys.stderr)
        return 2
    except StorageError as exc:
        print(storage_message(exc, paths), file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130
