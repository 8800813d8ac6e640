"""The business of FrontDesk: plain Python, no Qt.

One module per capability. Each service owns its transactions (one user action,
one ``db.write()``), checks permissions through :mod:`.permissions`, and returns
frozen dataclasses rather than ORM objects. :class:`.registry.Services` bundles
them for the UI and the CLI.
"""
