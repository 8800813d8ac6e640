"""Importing a store's client list from Excel (.xlsx) or CSV: read safely, map columns,
normalise and validate each row, preview, then commit every accepted row in one
transaction or nothing.

- :mod:`.fields`: the fields a column can map to and the stable reason codes of a refused row.
- :mod:`.limits`, :mod:`.reading`: the file checked (size, zip bomb, XML entities, rows,
  cell length) and read into rows of cells, .xlsx by python-calamine, .csv in UTF-8 or GB18030.
- :mod:`.headers`: the header row found, columns mapped by their Chinese or English headings.
- :mod:`.normalise`, :mod:`.rows`: each cell normalised, each row validated.
- :mod:`.service`: preview and commit; :mod:`.report`: the per-row CSV report.
"""
