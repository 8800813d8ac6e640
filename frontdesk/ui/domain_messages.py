"""The services' message templates and parameter words, for lupdate. Generated; do not edit.

Made by tools/extract_messages.py from frontdesk/services; the UI translates
them in the "DomainError" and "DomainParam" contexts (see ui/errors.py).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES = (
    QT_TRANSLATE_NOOP("DomainError", 'A password may not start or end with a space.'),
    QT_TRANSLATE_NOOP("DomainError", 'A password needs at least {n} characters.'),
    QT_TRANSLATE_NOOP("DomainError", "A user name uses letters, digits, '.' or '_' only."),
    QT_TRANSLATE_NOOP("DomainError", 'Choose between 0 (off) and 240 minutes.'),
    QT_TRANSLATE_NOOP("DomainError", 'Enter a phone number.'),
    QT_TRANSLATE_NOOP("DomainError", 'Enter the name shown to colleagues.'),
    QT_TRANSLATE_NOOP("DomainError", "Enter the store's name."),
    QT_TRANSLATE_NOOP("DomainError", 'No Chinese font for PDFs was found. {install} Or set the PDF font in the settings, or the environment variable {env}, to a TrueType font (.ttf or .ttc). {tried}'),
    QT_TRANSLATE_NOOP("DomainError", 'No store with id {id}.'),
    QT_TRANSLATE_NOOP("DomainError", 'Not found.'),
    QT_TRANSLATE_NOOP("DomainError", 'Someone else changed this record meanwhile.'),
    QT_TRANSLATE_NOOP("DomainError", "The store's name is too long (120 characters at most)."),
    QT_TRANSLATE_NOOP("DomainError", 'The two passwords differ.'),
    QT_TRANSLATE_NOOP("DomainError", 'The user name {name} is taken.'),
    QT_TRANSLATE_NOOP("DomainError", 'This database already has a store.'),
    QT_TRANSLATE_NOOP("DomainError", 'This database has no store yet.'),
    QT_TRANSLATE_NOOP("DomainError", 'This value is not valid.'),
    QT_TRANSLATE_NOOP("DomainError", 'Too many failed sign-ins. Try again after {until}.'),
    QT_TRANSLATE_NOOP("DomainError", 'Wrong user name or password.'),
    QT_TRANSLATE_NOOP("DomainError", 'Your role ({role}) may not {action}.'),
    QT_TRANSLATE_NOOP("DomainError", 'not found'),
    QT_TRANSLATE_NOOP("DomainError", '{text} is not a phone number.'),
    QT_TRANSLATE_NOOP("DomainError", '{text} is not a valid phone number.'),
)

PARAMETERS = (
    QT_TRANSLATE_NOOP("DomainParam", 'admin'),
    QT_TRANSLATE_NOOP("DomainParam", 'book appointments'),
    QT_TRANSLATE_NOOP("DomainParam", 'change store settings'),
    QT_TRANSLATE_NOOP("DomainParam", 'check clients in'),
    QT_TRANSLATE_NOOP("DomainParam", 'check clients out'),
    QT_TRANSLATE_NOOP("DomainParam", 'consultant'),
    QT_TRANSLATE_NOOP("DomainParam", 'edit client profiles'),
    QT_TRANSLATE_NOOP("DomainParam", 'edit health records'),
    QT_TRANSLATE_NOOP("DomainParam", 'load demo data'),
    QT_TRANSLATE_NOOP("DomainParam", 'manage staff accounts'),
    QT_TRANSLATE_NOOP("DomainParam", 'manage the service catalog'),
    QT_TRANSLATE_NOOP("DomainParam", 'manager'),
    QT_TRANSLATE_NOOP("DomainParam", 'print client analysis sheets'),
    QT_TRANSLATE_NOOP("DomainParam", 'receptionist'),
    QT_TRANSLATE_NOOP("DomainParam", 'register clients'),
    QT_TRANSLATE_NOOP("DomainParam", 'search clients'),
    QT_TRANSLATE_NOOP("DomainParam", 'see full phone numbers'),
    QT_TRANSLATE_NOOP("DomainParam", 'therapist'),
    QT_TRANSLATE_NOOP("DomainParam", 'view client profiles'),
    QT_TRANSLATE_NOOP("DomainParam", 'view health records'),
    QT_TRANSLATE_NOOP("DomainParam", 'view reports'),
    QT_TRANSLATE_NOOP("DomainParam", 'view the audit trail'),
)
