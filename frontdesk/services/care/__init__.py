"""The care engine (关怀): the rules that make care tasks, the scan, the due list, the books,
the message library. See :mod:`frontdesk.models.care` for the data."""
