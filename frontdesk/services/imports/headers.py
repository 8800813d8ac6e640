"""The header row of an imported sheet found, and its columns mapped to client fields.

A store's sheet often opens with a title ("2024年会员名单") and a blank row; the header
is the first row (of the first twenty) that holds the most headings we know, at least two,
one of them the name or the phone. Headings are compared folded: full-width characters made
half-width (NFKC), case ignored, spaces, marks such as ``*`` and ``:`` and a unit in
brackets ("余额（元）") left out. The person corrects the guess in the wizard;
:func:`check_mapping` says what their choice still lacks.
"""

from __future__ import annotations

import re
import unicodedata

from frontdesk.errors import ValidationError
from frontdesk.services.imports.fields import Cell, ColumnUse, Extra, Field, Mapping
from frontdesk.services.imports.limits import FileRefused, column_letters
from frontdesk.services.imports.reading import Table

HEADINGS: dict[Field, tuple[str, ...]] = {
    Field.NAME: ("姓名", "客户姓名", "顾客姓名", "会员姓名", "客户名称", "名字", "客户", "Name",
                 "Full name", "Client", "Client name", "Customer", "Customer name"),
    Field.GENDER: ("性别", "Gender", "Sex"),
    Field.PHONE: ("手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "联系方式",
                  "移动电话", "Mobile", "Mobile phone", "Phone", "Phone number", "Tel",
                  "Telephone", "Cell", "Cell phone"),
    Field.BIRTHDAY: ("生日", "出生日期", "出生年月", "出生年月日", "生日日期", "Birthday",
                     "Date of birth", "Birth date", "Birthdate", "DOB"),
    Field.TIER: ("等级", "会员等级", "级别", "会员级别", "卡类型", "Tier", "Level",
                 "Member level", "Membership"),
    Field.BALANCE: ("余额", "卡内余额", "储值余额", "卡余额", "会员余额", "剩余金额", "Balance",
                    "Card balance", "Stored value"),
    Field.NOTES: ("备注", "备注信息", "说明", "Notes", "Note", "Remark", "Remarks", "Comments"),
    Field.MEMBER_NO: ("会员号", "会员编号", "卡号", "会员卡号", "Member No", "Member number",
                      "Membership number", "Card No", "Card number"),
    Field.ALLERGIES: ("过敏", "过敏史", "过敏源", "过敏情况", "Allergies", "Allergy"),
}

UNIT = re.compile(r"\(.*?\)|\[.*?\]")
"""A unit or hint in brackets: "余额(元)", "Balance (¥)" (full-width brackets folded first)."""
MARKS = re.compile(r"[\s_\-*:.#/\\]+")
"""Spaces and marks a heading may carry: "手机号*", "姓名：", "Member_No", "No."."""


def fold(heading: str) -> str:
    """A heading as compared: half-width, lower case, without a unit in brackets or marks."""
    text = unicodedata.normalize("NFKC", heading).casefold()
    return MARKS.sub("", UNIT.sub("", text))


KNOWN: dict[str, Field] = {fold(word): field for field, words in HEADINGS.items()
                           for word in words}


def field_of(cell: Cell) -> Field | None:
    """The field a heading cell names, or None."""
    return KNOWN.get(fold(cell)) if isinstance(cell, str) else None


def find_header(table: Table, look: int = 20) -> int:
    """The index in ``table.rows`` of the header row (see the module docstring)."""
    best, best_count = -1, 1
    for index, (_, cells) in enumerate(table.rows[:look]):
        fields = {field for field in map(field_of, cells) if field is not None}
        if len(fields) > best_count and fields & {Field.NAME, Field.PHONE}:
            best, best_count = index, len(fields)
    if best < 0:
        raise FileRefused("No header row found in the first {look} rows: FrontDesk looks for"
                          " headings such as 姓名 (Name) and 手机 (Mobile).", code="no_header",
                          look=look)
    return best


def guess_mapping(table: Table) -> Mapping:
    """Each column's use, guessed from its heading: a known heading → its field (the first
    such column; a later one with the same field goes to notes), an unknown heading → notes,
    no heading → ignored."""
    index = find_header(table)
    line, header = table.rows[index]
    width = max(len(cells) for _, cells in table.rows[index:])
    headings = tuple(heading_text(header[i]) if i < len(header) else ""
                     for i in range(width))
    taken: set[Field] = set()
    uses: list[ColumnUse] = []
    for heading in headings:
        field = KNOWN.get(fold(heading))
        if not heading:
            uses.append(Extra.IGNORE)
        elif field is None or (field in taken and field is not Field.NOTES):
            uses.append(Extra.TO_NOTES)
        else:
            taken.add(field)
            uses.append(field)
    return Mapping(header_row=line, headings=headings, uses=tuple(uses))


def heading_text(cell: Cell) -> str:
    return "" if cell is None else str(cell).strip()


def check_mapping(mapping: Mapping) -> None:
    """Refuse a mapping without a name column, or with one field in two columns."""
    if Field.NAME not in mapping.uses:
        raise ValidationError("Choose which column holds the names.", field="mapping")
    seen: dict[Field, int] = {}
    for column, use in enumerate(mapping.uses):
        if not isinstance(use, Field) or use is Field.NOTES:
            continue
        if use in seen:
            raise ValidationError("The columns {first} and {second} are used for the same"
                                  " field: choose one of them.", field="mapping",
                                  first=column_name(mapping, seen[use]),
                                  second=column_name(mapping, column))
        seen[use] = column


def column_name(mapping: Mapping, column: int) -> str:
    """A column as a person knows it: its heading, else its letters."""
    heading = mapping.headings[column] if column < len(mapping.headings) else ""
    return heading or column_letters(column)
