"""The checks an "all my data" workbook passes before it is read (a hostile file refused).

The same checks as a client list's (:func:`.safety.check_xlsx`: declared and true unpacked
sizes, compression ratios, no DOCTYPE or ENTITY in any part, each sheet's extent), with
limits of its own: a store's whole history is far bigger than a client list, a sheet holds
up to :data:`~frontdesk.services.exports.all_data_format.ROWS_PER_SHEET` rows, and a long
value continues in cells after its row's last column.
"""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

from frontdesk.services.exports.all_data_format import ROWS_PER_SHEET
from frontdesk.services.imports.limits import FileRefused, Limits, megabytes
from frontdesk.services.imports.safety import check_xlsx

RESTORE_LIMITS = Limits(
    max_file_bytes=4 * 2**30,
    max_unpacked_bytes=64 * 2**30,
    max_data_rows=ROWS_PER_SHEET,
    max_columns=16_384,  # a spreadsheet's own limit: long values continue to the right
    max_cell_chars=32_767,
)


def check_workbook_file(path: Path, limits: Limits = RESTORE_LIMITS,
                        cancel: threading.Event | None = None) -> None:
    """Refuse ``path`` unless it is an .xlsx within ``limits`` (see the module docstring)."""
    name = path.name
    if path.stat().st_size > limits.max_file_bytes:
        raise FileRefused("{name} is larger than {limit} MB.", code="too_large", name=name,
                          limit=megabytes(limits.max_file_bytes))
    if not zipfile.is_zipfile(path):
        raise FileRefused("{name} is not an Excel workbook or a CSV file.",
                          code="not_spreadsheet", name=name)
    check_xlsx(path, name, limits, cancel)
