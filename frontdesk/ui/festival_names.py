"""The built-in festivals' names in a language: the screens', or one chosen apart from them
(``frontdesk festivals --lang``). A store's own day, or a built-in the store renamed, keeps
the name the store gave it. QtCore only: the terminal imports this without a display."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.core.festivals import BUILT_IN, FestivalDay
from frontdesk.ui.i18n import Translate

_SOURCE_NAMES = {f.code: f.name for f in BUILT_IN}


def festival_name(festival: FestivalDay,
                  translate: Translate = QCoreApplication.translate) -> str:
    """The festival's name: a built-in's translated, a store's own as the store wrote it."""
    return named(festival.code, festival.name, translate)


def named(code: str, name: str, translate: Translate = QCoreApplication.translate) -> str:
    """A festival's name by its code and stored name (as a care task's detail keeps them):
    a built-in's translated, unless the store renamed it; a store's own day as written."""
    if _SOURCE_NAMES.get(code) != name:
        return name
    names = {
        "new_year": translate("Festival", "New Year's Day"),
        "spring_festival": translate("Festival", "Spring Festival"),
        "lantern": translate("Festival", "Lantern Festival"),
        "womens_day": translate("Festival", "Women's Day"),
        "mothers_day": translate("Festival", "Mother's Day"),
        "dragon_boat": translate("Festival", "Dragon Boat Festival"),
        "qixi": translate("Festival", "Qixi Festival"),
        "mid_autumn": translate("Festival", "Mid-Autumn Festival"),
        "double_ninth": translate("Festival", "Double Ninth Festival"),
        "laba": translate("Festival", "Laba Festival"),
        "new_years_eve": translate("Festival", "New Year's Eve"),
    }
    return names.get(code, name)
