"""Pure rules, with no database and no Qt: money, phones, names and pinyin, the calendar,
birthdays, validation, visitor classes, roles and permissions, and who is acting at what time.

Everything here is plain Python over plain values, so every layer can use it and
its tests need nothing but the values.
"""
