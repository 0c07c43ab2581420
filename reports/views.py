import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.views.decorators.http import require_GET

from accounts.scoping import request_scope
from coopportal.lib.xlsx import XLSX_CONTENT_TYPE
from reports.narrative import DOCX_CONTENT_TYPE, write_narrative
from reports.workbook import report_filename, write_year_report


def _download(write, filename, content_type):
    """Write the document to a temporary file and send it from there: memory
    stays flat however large it is, and the file goes when it is sent."""
    spool = tempfile.TemporaryFile()
    write(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=content_type)


@require_GET
@login_required
def year_report(request, year):
    scope, _commune, _wide = request_scope(request)
    return _download(
        lambda stream: write_year_report(year, stream, scope=scope), report_filename(year), XLSX_CONTENT_TYPE
    )


@require_GET
@login_required
def year_narrative(request, year):
    scope, _commune, _wide = request_scope(request)
    return _download(
        lambda stream: write_narrative(year, stream, scope=scope), report_filename(year, "docx"), DOCX_CONTENT_TYPE
    )
