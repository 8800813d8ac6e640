"""What a small screen cuts off, found in a widget tree: column headers narrower than their
text, horizontal scroll bars on tables, cells cut off with "…", labels and buttons squeezed
below their size."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

SMALL_SCREEN = QSize(1366, 768)
"""A common front-desk monitor."""
TASKBAR, TITLE_BAR = 40, 30
"""What the system takes of the screen's height (Windows' taskbar, a window's title bar)."""


def _shown(widget: QWidget, root: QWidget) -> bool:
    """In sight: shown inside ``root`` and not folded away (a splitter pane of width 0)."""
    return (widget is root or widget.isVisibleTo(root)) and widget.width() > 0 \
        and widget.height() > 0


def truncated_headers(root: QWidget) -> list[str]:
    """Column headers whose section is narrower than its title needs."""
    found = []
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not _shown(header, root):
            continue
        model = header.model()
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            wanted, width = header.sectionSizeHint(section), header.sectionSize(section)
            if wanted > width:
                title = model.headerData(section, Qt.Orientation.Horizontal)
                found.append(f"{header.parent().objectName()}: {title!r} {width} < {wanted} px")
    return found


def scrolled_sideways(root: QWidget) -> list[str]:
    """Tables and trees in sight that show a horizontal scroll bar."""
    return [f"{view.objectName() or type(view).__name__} ({view.model().rowCount()} rows)"
            for view in root.findChildren(QAbstractItemView)
            if _shown(view, root) and view.horizontalScrollBar().isVisible()]


def squeezed(root: QWidget) -> list[str]:
    """One-line labels and buttons narrower than their text."""
    found = []
    for label in root.findChildren(QLabel):
        if _shown(label, root) and label.text() and not label.wordWrap() \
                and label.width() < label.minimumSizeHint().width():
            found.append(f"label {label.text()[:40]!r} {label.width()} px")
    for button in root.findChildren(QAbstractButton):
        if _shown(button, root) and button.text() \
                and button.width() < button.minimumSizeHint().width():
            found.append(f"button {button.text()!r} {button.width()} px")
    return found


def layout_problems(root: QWidget) -> list[str]:
    cut = [f"{view.objectName() or type(view).__name__}: {cell}"
           for view in root.findChildren(QAbstractItemView) if _shown(view, root)
           for cell in elided_cells(view)]
    return truncated_headers(root) + scrolled_sideways(root) + squeezed(root) + cut


def fits_small_screen(window: QWidget) -> bool:
    """Whether the window can be as small as a 1366×768 screen leaves it, frame included."""
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    return least.width() <= SMALL_SCREEN.width() \
        and least.height() <= SMALL_SCREEN.height() - TASKBAR - TITLE_BAR


def elided_cells(view: QAbstractItemView, limit: int = 100) -> list[str]:
    """Cells of ``view``'s first ``limit`` rows (and their children) cut off: a wider text than
    the cell, or in a view that wraps, more lines than the row's height (the delegate's size
    hint, measured as it paints)."""
    found, model = [], view.model()
    for row in range(min(model.rowCount(), limit)):
        for parent in (QModelIndex(),):
            found += _elided_in_row(view, model, row, parent)
            first = model.index(row, 0, parent)
            for child in range(min(model.rowCount(first), limit)):
                found += _elided_in_row(view, model, child, first)
    return found


def _elided_in_row(view: QAbstractItemView, model, row: int, parent: QModelIndex) -> list[str]:
    found = []
    for column in range(_columns(model, parent)):
        index = model.index(row, column, parent)
        cell = view.visualRect(index)
        if not cell.isValid() or not model.data(index):
            continue
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.font = view.font()
        option.widget = view
        needed = view.itemDelegateForIndex(index).sizeHint(option, index)
        if (needed.height() > cell.height()) if _rows_fit_text(view) \
                else (needed.width() > cell.width()):
            found.append(f"{model.data(index)!r} needs {needed.toTuple()}, has "
                         f"{cell.size().toTuple()}")
    return found


def _rows_fit_text(view: QAbstractItemView) -> bool:
    """A tree that wraps sizes each row to its text; a table's rows are one fixed height."""
    return isinstance(view, QTreeView) and view.wordWrap()


def _columns(model, parent: QModelIndex) -> int:
    """A list model hides columnCount() (it is private in QAbstractListModel): one column."""
    if isinstance(model, QAbstractListModel):
        return 1
    return model.columnCount(parent)
