"""The bundled program's entry point: FrontDesk's command line, as ``python -m frontdesk`` runs it.

A windowed Windows executable has no console: Python then sets ``sys.stdout`` and ``sys.stderr``
to None, and the first ``print`` or log line to them would raise. They are pointed at the null
device instead (the log file is where FrontDesk writes what went wrong).
"""

import os
import sys

if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives with the process)
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

from frontdesk.cli import main  # noqa: E402 (after the streams exist)

raise SystemExit(main())
