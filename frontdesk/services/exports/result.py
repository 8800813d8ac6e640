"""What an export hands back: the file written and how many data rows it holds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
