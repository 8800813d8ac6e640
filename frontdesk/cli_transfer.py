"""``frontdesk import FILE``: a client list from Excel or CSV, from a terminal.

The same service as the import wizard: the file is read and checked, every row validated
and compared with the database; ``--dry-run`` stops there, otherwise the accepted rows are
written in one transaction. It prints the counts and the first rejected rows (all of them
are in ``--report REPORT.csv``). Exit status 0 when committed (or a dry run went through),
1 when the file was refused (the message says why).

An "all my data" workbook (FrontDesk's own full export) is restored instead, into an empty
database only, and needs no ``--as``: an empty database has nobody to sign in as.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.core.money import format_fen

if TYPE_CHECKING:
    from frontdesk.core.context import Actor
    from frontdesk.db import Database
    from frontdesk.services.imports.service import ImportPreview, ImportResult
    from frontdesk.services.registry import Services

REJECTED_SHOWN = 20
"""How many rejected rows are printed (the report has all of them)."""


def add_import_parser(sub: argparse._SubParsersAction,  # type: ignore[type-arg]
                      command: object) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "import", help="import a client list from Excel (.xlsx) or CSV")
    parser.add_argument("file", metavar="FILE", help="the .xlsx or .csv file")
    parser.add_argument("--dry-run", action="store_true",
                        help="check and count only; write nothing")
    parser.add_argument("--update-existing", action="store_true",
                        help="update clients already on file where the sheet has a value")
    parser.add_argument("--report", metavar="REPORT.csv",
                        help="write one line per data row: status, reasons, values")
    parser.add_argument("--as", dest="user", metavar="USER",
                        help="sign in as this staff member (a manager or admin; password from "
                             "FRONTDESK_PASSWORD or a prompt)")
    parser.set_defaults(command=command)
    return parser


def preview_lines(preview: ImportPreview) -> list[str]:
    """The counts and the first rejected rows."""
    counts = preview.counts
    lines = [f"{len(preview.rows):,} data rows: {counts['created']:,} new, "
             f"{counts['updated']:,} updated, {counts['unchanged']:,} unchanged, "
             f"{counts['rejected']:,} rejected",
             f"opening balances: {format_fen(preview.balance_fen)} "
             f"({len(preview.opening_balances):,} clients)"]
    rejected = preview.rejected
    for row in rejected[:REJECTED_SHOWN]:
        reasons = ", ".join(r.value for r in row.reasons)
        lines.append(f"  row {row.line}: {reasons}: {'; '.join(row.details)}")
    if len(rejected) > REJECTED_SHOWN:
        lines.append(f"  … and {len(rejected) - REJECTED_SHOWN:,} more rejected rows")
    return lines


def result_line(result: ImportResult) -> str:
    return (f"imported: {result.created:,} new, {result.updated:,} updated, "
            f"{result.unchanged:,} unchanged, {result.rejected:,} rejected; "
            f"{result.cards:,} opening balances ({format_fen(result.balance_fen)})")


def import_list(services: Services, actor: Actor, args: argparse.Namespace) -> int:
    """Preview, then (unless a dry run) commit the list; the report written either way."""
    from frontdesk.services.imports.limits import FileRefused
    from frontdesk.services.imports.report import write_report

    try:
        preview = services.imports.open(actor, Path(args.file),
                                        update_existing=args.update_existing)
    except FileRefused as refused:
        print(f"frontdesk: {refused.message}", file=sys.stderr)
        return 1
    print("\n".join(preview_lines(preview)))
    if not args.dry_run:
        print(result_line(services.imports.commit(actor, preview)))
    if args.report:
        write_report(Path(args.report), preview)
        print(f"report written to {args.report}")
    return 0


def restore(args: argparse.Namespace, db: Database) -> int:
    """An "all my data" workbook into the empty database (the restore's own module)."""
    from frontdesk.services.imports.restore import restore_all_data

    counts = restore_all_data(db, Path(args.file))
    print(f"restored {sum(counts.values()):,} rows into {len(counts)} tables")
    return 0
