"""Registry spreadsheets: one format for import, export and the template.

- ``columns``: the columns of each sheet and how a cell becomes a value;
- ``formats``: opening an uploaded file safely (size, zip bomb, parse cost, rows, type);
- ``importer``: validating every row, then writing all or nothing;
- ``exporter``: writing records in exactly the import format.
"""
