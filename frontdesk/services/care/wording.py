"""How a care message addresses a client and signs off, and in which language.

A message opens with the client's salutation: the surname and 女士 / 先生 by gender
(王女士, 欧阳先生), the whole name when the gender is unknown; in an English store
"Ms Wang" / "Mr Ouyang" (the surname read in pinyin: the store's clients are Chinese
people), or the name itself for a name already in Latin letters. It ends with the
signature domain/003 asks for (落尾处注明所在的店铺和姓名): the store and the staff
member's name, appended by :func:`signed` when the template does not carry both.

The store's language: its ``language`` setting when it has one, else Chinese when the
store's name is written in Chinese characters (the demo's ``--language en`` names the
store in English), else English.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.names import COMPOUND_SURNAMES, SURNAME_READINGS, char_pinyin, split_surname
from frontdesk.models import Branch, Setting
from frontdesk.models.client import Gender

LANGUAGES = ("zh_CN", "en")
LANGUAGE_SETTING = "language"
"""The store setting naming its language (``zh_CN`` or ``en``), when it has one."""
_CJK = re.compile(r"[\u3400-\u9fff]")


def store_language(s: Session, branch_id: int) -> str:
    """``zh_CN`` or ``en``: the store's setting, else guessed from its name."""
    value = s.scalar(select(Setting.value).where(Setting.branch_id == branch_id,
                                                 Setting.key == LANGUAGE_SETTING))
    if value in LANGUAGES:
        return str(value)
    return language_of_name(s.scalar(select(Branch.name).where(Branch.id == branch_id)) or "")


def language_of_name(store_name: str) -> str:
    return "zh_CN" if _CJK.search(store_name) or not store_name else "en"


def store_name(s: Session, branch_id: int) -> str:
    return s.scalar(select(Branch.name).where(Branch.id == branch_id)) or ""


def salutation(name: str, gender: Gender | str, language: str) -> str:
    """王女士 / 欧阳先生 (Ms Wang / Mr Ouyang); the name itself when the gender is unknown."""
    name = name.strip()
    if not name or gender not in (Gender.FEMALE, Gender.MALE):
        return name
    female = gender == Gender.FEMALE
    if language != "en":
        surname = split_surname(name)[0] if _CJK.match(name) else name
        return surname + ("女士" if female else "先生")
    title = "Ms" if female else "Mr"
    return f"{title} {_latin_surname(name)}"


def _latin_surname(name: str) -> str:
    if not _CJK.match(name):
        return name.split()[-1]
    surname = split_surname(name)[0]
    compound = COMPOUND_SURNAMES.get(surname) if len(surname) == 2 else None
    reading = compound.replace(" ", "") if compound else (
        SURNAME_READINGS.get(surname) or char_pinyin(surname))
    return reading.title() if reading else surname


def signature(store: str, staff: str, language: str) -> str:
    """The sign-off: 【水沐莲清美容会所 李娜】 / — Li Na, Lotus Spring Beauty Club."""
    if language == "en":
        return f"— {staff}, {store}" if staff else f"— {store}"
    return f"【{store} {staff}】" if staff else f"【{store}】"


def signed(text: str, *, store: str, staff: str, language: str) -> str:
    """``text`` ending with the signature, unless it names the store and the staff already."""
    if (not store or store in text) and (not staff or staff in text):
        return text
    return f"{text.rstrip()} {signature(store, staff, language)}"
