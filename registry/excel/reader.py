"""Opening an uploaded spreadsheet without trusting it: bounded file size,
bounded uncompressed size (zip bombs), bounded rows and columns, and a clear
message for a file that is not what it claims to be. defusedxml is installed,
so openpyxl parses the XML inside with entity expansion disabled."""

import csv
import io
import zipfile

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


class FileRejected(Exception):
    """The whole file is refused; the message says why, for a person."""


def _limits():
    return (
        settings.IMPORT_MAX_BYTES,
        settings.IMPORT_MAX_UNCOMPRESSED_BYTES,
        settings.IMPORT_MAX_ROWS,
        settings.IMPORT_MAX_COLUMNS,
    )


def check_size(size):
    max_bytes = settings.IMPORT_MAX_BYTES
    if size > max_bytes:
        raise FileRejected(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)}
        )


def read_table(data, filename):
    """Return (header cells, [(spreadsheet row number, cells), …]) of the
    first sheet of an .xlsx or a .csv given as bytes. Blank rows are left out;
    the header is row 1."""
    check_size(len(data))
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(data)
    elif name.endswith(".csv"):
        rows = _csv_rows(data)
    else:
        raise FileRejected(_("Upload an Excel workbook (.xlsx) or a CSV file (.csv)."))
    try:
        return _split(rows)
    except FileRejected:
        raise
    except Exception:  # sheet XML is parsed lazily, row by row; a CSV field may be too long
        raise FileRejected(_("The file is damaged or not a spreadsheet, and cannot be read.")) from None


def _split(rows):
    _max_bytes, _unzipped, max_rows, _cols = _limits()
    header = None
    body = []
    for number, cells in enumerate(rows, start=1):
        if header is None:
            header = list(cells)
            filled = [i for i, c in enumerate(header) if c not in (None, "")]
            if not filled:
                raise FileRejected(_("Row 1 must hold the column headers; it is empty."))
            # The table is as wide as its headers; cells beyond are padding.
            width = filled[-1] + 1
            header = header[:width]
            continue
        cells = list(cells[:width])
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        if len(body) >= max_rows:
            raise FileRejected(_("The file has more than %(limit)s rows; split it.") % {"limit": max_rows})
        body.append((number, cells))
    if header is None:
        raise FileRejected(_("The file is empty."))
    return header, body


def _xlsx_rows(data):
    from openpyxl import load_workbook

    _max_bytes, max_unzipped, _rows, max_cols = _limits()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise FileRejected(_("This is not an Excel .xlsx workbook (it may be .xls or another file renamed)."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise FileRejected(_("The workbook is damaged and cannot be read.")) from None
    if unzipped > max_unzipped:
        raise FileRejected(
            _("The workbook unpacks to %(size)s, over the limit of %(limit)s.")
            % {"size": filesizeformat(unzipped), "limit": filesizeformat(max_unzipped)}
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors)
        raise FileRejected(_("The workbook is damaged or not an Excel workbook, and cannot be read.")) from None
    try:
        sheet = workbook.worksheets[0]
        yield from sheet.iter_rows(max_col=max_cols, values_only=True)
    finally:
        workbook.close()


def _csv_rows(data):
    _max_bytes, _unzipped, _rows, max_cols = _limits()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRejected(_("The CSV file is not UTF-8 text: save it as “CSV UTF-8”.")) from None
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    for cells in csv.reader(io.StringIO(text), dialect):
        yield cells[:max_cols]
