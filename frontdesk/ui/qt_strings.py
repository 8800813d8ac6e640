"""Qt's own strings that Qt's Chinese translation lacks, in Qt's contexts, for lupdate.

Qt 6 gave some labels of its dialogs a keyboard mnemonic ("Look in:" became "&Look in:"),
and the qtbase_zh_CN.qm that PySide6 ships still translates only the old text, so the
Chinese file dialog said "Look in:" and "Files of type:"; others moved to a new context
(a folder's type, "Folder", is QAbstractFileIconProvider's since Qt 6). FrontDesk's own translation
file carries these texts under Qt's contexts; :class:`frontdesk.ui.i18n.Translations`
installs it beside Qt's, and Qt asks Qt's file first, so a later qtbase that translates
them wins. ``tests/ui/test_languages.py`` opens the dialogs in Chinese and fails on a
label left in English.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Page &order:"),
    QT_TRANSLATE_NOOP("QPageSetupWidget", "Pages &per sheet:"),
)
