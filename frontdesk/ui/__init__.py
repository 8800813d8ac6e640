"""PySide6 screens and widgets. They call services only and never open a database session."""
