"""Collect the texts a person sees in a widget tree, to check they are translated."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
    QWizard,
)

ALLOWED_WORDS = {"FrontDesk", "PDF", "Excel", "English", "PostgreSQL", "SQLite", "F2", "F3",
                 "Ctrl", "Shift", "Esc", "Enter", "Delete", "PgUp", "PgDn", "ID", "BMI", "MB",
                 "Spa"}  # Spa体验券: the store's own word (domain/001)
_WORD = re.compile(r"[A-Za-z]{2,}")


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts.extend(_texts_of(widget))
    if isinstance(root, QMainWindow):
        for menu in root.menuBar().findChildren(QMenu):
            texts.append(menu.title())
            texts.extend(a.text() for a in menu.actions())
    return [t for t in texts if t]


def _texts_of(widget: QWidget) -> list[str]:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return [widget.text(), widget.toolTip()]
    if isinstance(widget, QLineEdit):
        return [widget.placeholderText()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QComboBox):
        return [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QListWidget):
        return [widget.item(i).text() for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        return [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QWizard):
        page = widget.currentPage()
        return [page.title(), page.subTitle()] if page else []
    return [widget.toolTip()]


def untranslated(texts: list[str]) -> list[str]:
    """Texts with English words left in them (beyond names like FrontDesk)."""
    bad = []
    for text in texts:
        plain = re.sub(r"<[^>]+>|&\w+;", "", text)
        words = set(_WORD.findall(plain)) - ALLOWED_WORDS
        if words:
            bad.append(text)
    return bad
