"""Writing FrontDesk's data to Excel workbooks.

- :mod:`.everything`: the manager's "all my data" export, every table a sheet, that
  ``frontdesk import`` reads back into an empty database (:mod:`..imports.restore`);
  :mod:`.all_data_format` is that workbook's format, shared by the two.
- :mod:`.result`: what an export hands back.
"""
