"""django-import-export's XLSX and CSV formats, guarded: an uploaded file is
bounded by what parsing it may cost, before and while it is parsed.

Before parsing an .xlsx: the file's size, its unpacked size (zip bombs), the
unpacked size and the number of XML tags of each part (a small file whose
shared strings unpack to hundreds of MB keeps openpyxl busy for minutes and
takes gigabytes). While reading rows: rows, columns, cells, and the length
of one cell. A part with a document type declaration (where entities are
declared: billion laughs, external entities) or in another encoding than
UTF-8 is refused before parsing; Excel and LibreOffice write neither. Each
refusal is a ``FileRejected`` whose message says why, for a person, in
Vietnamese or English.

``rows(data)`` yields (spreadsheet row number, cells) for every row of the
first sheet; ``create_dataset`` gives the library the same rows as a
tablib Dataset whose header is the first row."""

import csv
import io
import re
import zipfile
import zlib

import tablib
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from import_export.formats import base_formats
from openpyxl.utils import get_column_letter

from coopportal.lib.text import fold
from registry.excel.values import parse_text

SHARED_STRINGS_CONTENT_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
WORKSHEETS = "xl/worksheets/"
_CHUNK = 1024 * 1024


class FileRejected(Exception):
    """The whole file is refused; the message says why, for a person."""


def check_size(size):
    """The upload's own size, before it is even read."""
    limit = settings.IMPORT_MAX_BYTES
    if size > limit:
        raise FileRejected(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


def _count(value):
    return number_format(value, force_grouping=True)


def cell_name(row, position):
    """ "C7": where a person looks in the spreadsheet."""
    return f"{get_column_letter(position + 1)}{row}"


class RowBounds:
    """Counts what has been read and refuses a file past the limits."""

    def __init__(self):
        self.cells = 0
        self.max_cells = settings.IMPORT_MAX_CELLS
        self.max_chars = settings.IMPORT_MAX_CELL_CHARS
        self.max_columns = settings.IMPORT_MAX_COLUMNS

    def check(self, number, cells):
        cells = list(cells)
        while cells and cells[-1] in (None, ""):
            cells.pop()  # openpyxl pads a row to the columns asked for
        self.cells += len(cells)
        if self.cells > self.max_cells:
            raise FileRejected(
                _("The file has more than %(limit)s cells; split it.") % {"limit": _count(self.max_cells)}
            )
        for position, value in enumerate(cells):
            if isinstance(value, str) and len(value) > self.max_chars:
                raise FileRejected(
                    _("Cell %(cell)s holds %(length)s characters; a cell may hold at most %(limit)s.")
                    % {
                        "cell": cell_name(number, position),
                        "length": _count(len(value)),
                        "limit": _count(self.max_chars),
                    }
                )
        return cells


# Title rows an office puts above the header, at most.
TITLE_ROWS = 10
# The folded column headers of every resource (remember_headers): how a
# header row is told from the title rows above it.
KNOWN_HEADERS = set()


def remember_headers(*resource_classes):
    for resource_class in resource_classes:
        KNOWN_HEADERS.update(fold(field.column_name) for field in resource_class.fields.values())
        KNOWN_HEADERS.update(fold(header) for header in getattr(resource_class, "english_headers", {}).values())


def _folded(value):
    return fold(parse_text(value)) if isinstance(value, str) else ""


def _blank(cells):
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


class Table:
    """A sheet's header row (``header``, its row number ``header_row``) and
    data rows (``rows``: (row number, cells), every row as wide as the
    widest, so that data under a missing or merged header is kept)."""

    def __init__(self):
        self.header = None
        self.header_row = None
        self.rows = []
        self._skip = set()

    def start(self, number, cells, ignored=()):
        self.header_row, self.header = number, list(cells)
        self._skip = {p for p, h in enumerate(self.header) if _folded(h) in set(ignored)}

    def add(self, number, cells):
        if _blank(c for p, c in enumerate(cells) if p not in self._skip):
            return
        if len(self.rows) >= settings.IMPORT_MAX_ROWS:
            raise FileRejected(
                _("The file has more than %(limit)s rows; split it.") % {"limit": settings.IMPORT_MAX_ROWS}
            )
        self.rows.append((number, list(cells)))

    def finish(self):
        width = max([len(self.header)] + [len(cells) for _n, cells in self.rows])
        self.header += [None] * (width - len(self.header))
        for _number, cells in self.rows:
            if len(cells) < width:  # the rows are this table's own lists: padded in place
                cells.extend([None] * (width - len(cells)))
        return self

    def __iter__(self):  # header, rows = table
        return iter((self.header, self.rows))


class GuardedFormatMixin:
    """What both guarded formats share: rows() bounded, and a Dataset for
    the library built from them."""

    def rows(self, data):
        raise NotImplementedError

    def table(self, data, known=(), ignored=()):
        """The Table of the first sheet, as offices type it: title rows
        above the header (the agency, "DANH SÁCH HỢP TÁC XÃ…") are skipped,
        blank rows left out. ``known`` are the folded header names of the
        sheet: the header is the first row, among the first TITLE_ROWS
        filled ones, holding at least two of them (else the first filled
        row). ``ignored`` are folded headers of columns kept for people only
        (STT, Ghi chú): a row filled only there is blank."""
        known = set(known)
        table = Table()
        pending = []
        for number, cells in self.rows(data):
            if table.header is None:
                if _blank(cells):
                    continue
                pending.append((number, cells))
                if known and sum(_folded(c) in known for c in cells) >= 2:
                    table.start(number, cells, ignored)
                    pending = []
                elif not known or len(pending) >= TITLE_ROWS:
                    self._start_at_first_wide_row(table, pending, ignored)
                    pending = []
                continue
            table.add(number, cells)
        if table.header is None and pending:
            self._start_at_first_wide_row(table, pending, ignored)
        if table.header is None:
            raise FileRejected(_("The file is empty."))
        return table.finish()

    @staticmethod
    def _start_at_first_wide_row(table, pending, ignored):
        """No row holds known headers: the header is the first row with two
        filled cells or more (a title is one merged cell), else the first."""
        wide = [i for i, (_n, cells) in enumerate(pending) if sum(not _blank([c]) for c in cells) >= 2]
        start = wide[0] if wide else 0
        table.start(*pending[start], ignored)
        for row in pending[start + 1 :]:
            table.add(*row)

    def create_dataset(self, in_stream, **kwargs):
        """A Dataset for the library: the header row found below any title
        rows, the data rows with their spreadsheet row numbers
        (``row_numbers``, ``header_row``) for the messages."""
        from registry.excel.columns import IGNORED_HEADERS, SHEETS

        if isinstance(in_stream, str):
            in_stream = in_stream.encode("utf-8")
        known = set().union(KNOWN_HEADERS, *(sheet.known_headers for sheet in SHEETS.values()))
        table = self.table(in_stream, known, IGNORED_HEADERS)
        dataset = tablib.Dataset(headers=["" if h is None else str(h) for h in table.header])
        for _number, cells in table.rows:
            dataset.append(cells)
        dataset.header_row = table.header_row
        dataset.row_numbers = [number for number, _cells in table.rows]
        dataset.table_rows = table.rows
        return dataset


class TypedXLSXExport:
    """The library's .xlsx export written the portal's way: numbers and
    dates typed, formula-like text neutralised with an apostrophe (so that
    it imports back as it was), bold frozen header, write-only mode."""

    def export_data(self, dataset, **kwargs):
        from openpyxl import Workbook

        from coopportal.lib.xlsx import header_cells, typed_row

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet((dataset.title or "Sheet1")[:31])
        sheet.freeze_panes = "A2"
        sheet.append(header_cells(sheet, dataset.headers or []))
        for row in dataset:
            sheet.append(typed_row(sheet, list(row)))
        stream = io.BytesIO()
        workbook.save(stream)
        return stream.getvalue()


class GuardedXLSX(TypedXLSXExport, GuardedFormatMixin, base_formats.XLSX):
    def rows(self, data):
        check_size(len(data))
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise FileRejected(_("This is not an Excel .xlsx workbook (it may be .xls or another file renamed)."))
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                check_archive(archive)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
            raise FileRejected(_("The workbook is damaged and cannot be read.")) from None
        yield from self._sheet_rows(data)

    def _sheet_rows(self, data):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors)
            raise FileRejected(_("The workbook is damaged or not an Excel workbook, and cannot be read.")) from None
        bounds = RowBounds()
        try:
            sheet = workbook.worksheets[0]
            rows = sheet.iter_rows(max_col=bounds.max_columns, values_only=True)
            for number, cells in enumerate(rows, start=1):
                yield number, bounds.check(number, cells)
        except FileRejected:
            raise
        except Exception:  # the sheet's XML is parsed lazily, row by row
            raise FileRejected(_("The workbook is damaged or not an Excel workbook, and cannot be read.")) from None
        finally:
            workbook.close()


def check_archive(archive):
    """The unpacked size of the whole workbook and of each part, and the XML
    tags of each part, counted by streaming it (no XML is parsed here)."""
    infos = archive.infolist()
    unzipped = sum(info.file_size for info in infos)
    if unzipped > settings.IMPORT_MAX_UNCOMPRESSED_BYTES:
        raise FileRejected(
            _("The workbook unpacks to %(size)s, over the limit of %(limit)s.")
            % {"size": filesizeformat(unzipped), "limit": filesizeformat(settings.IMPORT_MAX_UNCOMPRESSED_BYTES)}
        )
    shared = _shared_strings_parts(archive)
    for info in infos:
        name = info.filename
        if not name.endswith((".xml", ".rels")):
            continue  # images and binaries are never parsed
        # Worksheets are read row by row; every other part (the shared
        # strings above all) is loaded whole, so it gets the smaller bound.
        sheet = name.startswith(WORKSHEETS) and name not in shared
        max_bytes = settings.IMPORT_MAX_SHEET_PART_BYTES if sheet else settings.IMPORT_MAX_PART_BYTES
        max_tags = settings.IMPORT_MAX_SHEET_TAGS if sheet else settings.IMPORT_MAX_PART_TAGS
        if info.file_size > max_bytes:
            raise FileRejected(_part_message(name, shared, sheet, filesizeformat(info.file_size)))
        group = SHEET_ROW if sheet else _SHARED_STRING
        with archive.open(info) as part:
            _scan(part, name, shared, sheet, max_tags, group)


# A row of a worksheet, a string of the shared strings, whatever the prefix.
SHEET_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
# openpyxl holds one row (or one shared string) whole while it reads it:
# Excel's widest row is 16,384 cells.
MAX_GROUP_TAGS = 4 * 16_384


def _scan(part, name, shared, sheet, max_tags, group):
    """Count the XML tags of a part, in all and per row (or shared string),
    streaming it in chunks cut before a "<", so that no tag is split. Excel
    writes no comments or CDATA in these parts; a file that does is refused,
    since they would hide tags from the count."""
    tags = in_group = 0
    tail = b""
    while True:
        chunk = part.read(_CHUNK)
        data = tail + chunk
        cut = data.rfind(b"<") if chunk else -1
        if cut > 0:
            segment, tail = data[:cut], data[cut:]
        else:
            segment, tail = data, b""
        if b"<!--" in segment or b"<![CDATA[" in segment:
            raise FileRejected(_part_message(name, shared, sheet, None))
        if (not tags and not _plain_utf8(segment)) or b"<!DOCTYPE" in segment or b"<!ENTITY" in segment:
            raise FileRejected(_foreign_xml_message(name, shared, sheet))
        position = 0
        for match in group.finditer(segment):
            in_group += segment.count(b"<", position, match.start())
            if in_group > MAX_GROUP_TAGS:
                raise FileRejected(_part_message(name, shared, sheet, None))
            in_group, position = 0, match.start()
        in_group += segment.count(b"<", position)
        tags += segment.count(b"<")
        if tags > max_tags or in_group > MAX_GROUP_TAGS:
            raise FileRejected(_part_message(name, shared, sheet, None))
        if not chunk:
            return


_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")


def _plain_utf8(start):
    """Whether a part begins as Excel writes one: "<" (after a UTF-8 byte
    order mark at most), with no encoding declared but UTF-8. A part in
    UTF-16 would hide every byte pattern the scan looks for."""
    start = start.removeprefix(b"\xef\xbb\xbf")
    if not start:
        return True  # an empty part holds nothing to hide
    if not start.startswith(b"<"):
        return False
    declared = _DECLARED_ENCODING.match(start)
    return declared is None or declared.group(1).lower() in (b"utf-8", b"utf8")


def _what(name, shared, sheet):
    if name in shared:
        return _("its shared-strings part")
    if sheet:
        return _("its worksheet")
    return _("its part %(name)s") % {"name": name[:100]}


def _foreign_xml_message(name, shared, sheet):
    message = _(
        "The workbook is refused: %(what)s holds XML that Excel never writes "
        "(a document type declaration, or an encoding other than UTF-8)."
    )
    return message % {"what": _what(name, shared, sheet)}


def _part_message(name, shared, sheet, size):
    what = _what(name, shared, sheet)
    if size:
        message = _(
            "The workbook is refused: %(what)s unpacks to %(size)s, more than a spreadsheet of this kind needs."
        )
        return message % {"what": what, "size": size}
    return _("The workbook is refused: %(what)s holds too many elements to be read safely.") % {"what": what}


def _shared_strings_parts(archive):
    """Where the workbook says its shared strings are (openpyxl looks them up
    in [Content_Types].xml), and the usual place."""
    found = {"xl/sharedStrings.xml"}
    try:
        info = archive.getinfo("[Content_Types].xml")
    except KeyError:
        return found
    if info.file_size > settings.IMPORT_MAX_PART_BYTES:
        raise FileRejected(_part_message(info.filename, found, False, filesizeformat(info.file_size)))
    text = archive.read(info)
    for override in re.findall(rb"<[^<>]*Override[^<>]*>", text):
        if SHARED_STRINGS_CONTENT_TYPE in override:
            part = re.search(rb'PartName\s*=\s*["\']/?([^"\']+)', override)
            if part:
                found.add(part.group(1).decode("utf-8", "replace"))
    return found


class GuardedCSV(GuardedFormatMixin, base_formats.CSV):
    def rows(self, data):
        check_size(len(data))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FileRejected(_("The CSV file is not UTF-8 text: save it as “CSV UTF-8”.")) from None
        # No field can be longer than the file; the bound on one cell is ours,
        # so that it is reported with its row and column.
        csv.field_size_limit(max(csv.field_size_limit(), settings.IMPORT_MAX_BYTES))
        dialect = _dialect(text)
        bounds = RowBounds()
        number = 0
        try:
            for number, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
                yield number, bounds.check(number, cells[: bounds.max_columns])
        except csv.Error:
            raise FileRejected(
                _("Row %(row)s of the CSV file cannot be read (a quote is not closed?).") % {"row": number + 1}
            ) from None


class GuardedSpreadsheet(TypedXLSXExport, GuardedFormatMixin, base_formats.XLSX):
    """One import format for the admin: an .xlsx workbook or a UTF-8 CSV
    file, told apart by their content (a workbook is a zip archive)."""

    def get_title(self):
        return "xlsx / csv"

    def get_extension(self):
        return "xlsx"

    def rows(self, data):
        if data[:4] == b"PK\x03\x04":
            return GuardedXLSX().rows(data)
        return GuardedCSV().rows(data)


def read_table(data, filename, known=(), ignored=()):
    """The Table of an uploaded .xlsx or .csv given as bytes (see ``table``)."""
    return format_for(filename).table(data, known, ignored)


def _dialect(text):
    """The delimiter (",", ";" or tab) that splits the first lines into the
    same number of fields most often: a title row above the header, with
    fewer fields, does not mislead it as it does csv.Sniffer."""
    lines = text[:65536].splitlines()[:50]
    best, best_score = csv.excel, (0, 0)
    for delimiter in (",", ";", "\t"):
        counts = {}
        try:
            for cells in csv.reader(lines, delimiter=delimiter):
                if len(cells) > 1:
                    counts[len(cells)] = counts.get(len(cells), 0) + 1
        except csv.Error:
            continue
        if counts:
            width, lines_of_width = max(counts.items(), key=lambda item: (item[1], item[0]))
            if (lines_of_width, width) > best_score:
                best_score = (lines_of_width, width)
                best = type("Dialect", (csv.excel,), {"delimiter": delimiter})
    return best


def format_for(filename):
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        return GuardedXLSX()
    if name.endswith(".csv"):
        return GuardedCSV(encoding="utf-8-sig")
    raise FileRejected(_("Upload an Excel workbook (.xlsx) or a CSV file (.csv)."))
