"""Registry spreadsheets, on django-import-export (the resources are in
registry/resources.py); what is ours:

- ``formats``: the library's XLSX and CSV formats, guarded (size, zip bombs,
  parse cost, rows, cells, cell length) and reading files as offices type
  them (title rows, STT and Ghi chú columns);
- ``widgets``: Vietnamese numbers, dates and Excel serials, choice labels,
  communes within the user's area, records by code;
- ``values``: how one cell is read (the widgets' parsers);
- ``columns``: the columns of the registry sheets, their headers and the
  template's example;
- ``communes``: a code, name or pre-2025 address to today's commune;
- ``importer``: validating every row at once, then bulk writes with history;
- ``exporter``: the typed export, the template, the rejected rows.
"""
