"""The words of an exported list: sheet names, heading rows and the names of coded values.

Built in the user's language by :func:`frontdesk.ui.exports.words.export_words` (from the
translation files); a service never translates. What is not given falls back to English
headings (each kind's columns) and to the stored code of a value.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from frontdesk.services.exports.kinds import ExportKind

Names = Mapping[str, str]
"""A coded value's name by its code (``"female"`` → ``"女"``)."""


@dataclass(frozen=True)
class ExportWords:
    sheets: Mapping[ExportKind, str] = field(default_factory=dict)
    headings: Mapping[ExportKind, tuple[str, ...]] = field(default_factory=dict)
    genders: Names = field(default_factory=dict)
    calendars: Names = field(default_factory=dict)
    line_kinds: Names = field(default_factory=dict)
    payments: Names = field(default_factory=dict)
    card_kinds: Names = field(default_factory=dict)
    operations: Names = field(default_factory=dict)
    care_kinds: Names = field(default_factory=dict)
    care_channels: Names = field(default_factory=dict)
    care_statuses: Names = field(default_factory=dict)
    outcomes: Names = field(default_factory=dict)
    categories: Names = field(default_factory=dict)
    severities: Names = field(default_factory=dict)
    channels: Names = field(default_factory=dict)
    stages: Names = field(default_factory=dict)
    yes: str = "Yes"
    no: str = "No"

    def yes_no(self, value: bool | None) -> str:
        return "" if value is None else (self.yes if value else self.no)


def name(names: Names, code: enum.Enum | str | None) -> str:
    """``code``'s name in ``names``, else the code itself ("" for none)."""
    if code is None:
        return ""
    text = str(code.value if isinstance(code, enum.Enum) else code)
    return names.get(text, text)
