"""Lists as Excel workbooks: each list screen's rows, with its filters, for the person who
may see that list (``Services.exports``).

Kinds (:class:`~frontdesk.services.exports.kinds.ExportKind`): clients, visits and
consumption, the card ledger, care tasks and call outcomes, complaints, surveys. Each is
one sheet streamed from the database into an openpyxl write-only workbook: a heading row
(frozen), money in yuan under a ``0.00`` format, dates as date cells, phones masked unless
the actor may see them, every text made safe (never run as a formula), the file whole or
not at all. "All my data" (every table) is :mod:`frontdesk.services.exports.everything`.
"""
