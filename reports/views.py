import tempfile

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from accounts.scoping import request_scope
from coopportal.lib.xlsx import XLSX_CONTENT_TYPE
from jobs.models import Job
from jobs.runner import refreshed
from reports.background import KIND, job_title, records_in_area, start_report_job
from reports.narrative import DOCX_CONTENT_TYPE, write_narrative
from reports.workbook import report_filename, write_year_report


def _download(write, filename, content_type):
    """Write the document to a temporary file and send it from there: memory
    stays flat however large it is, and the file goes when it is sent."""
    spool = tempfile.TemporaryFile()
    write(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=filename, content_type=content_type)


@require_http_methods(["GET", "POST"])
@login_required
def year_report(request, year):
    """The workbook at once for an area of up to REPORT_JOB_THRESHOLD HTX
    and THT; above it, a page that starts a background job (POST) and
    points to the user's latest one for the same report."""
    scope, _commune, _wide = request_scope(request)
    records = records_in_area(scope)
    if records <= settings.REPORT_JOB_THRESHOLD:
        if request.method == "POST":
            return redirect(request.get_full_path())
        return _download(
            lambda stream: write_year_report(year, stream, scope=scope), report_filename(year), XLSX_CONTENT_TYPE
        )
    title = job_title(year, scope)
    latest = Job.objects.restrict(request.user).filter(owner=request.user, kind=KIND, title=title).first()
    if request.method == "POST":
        if latest is not None and not refreshed(latest).is_over:
            return redirect("jobs:detail", latest.pk)  # a second click does not start a second job
        job = start_report_job(request.user, year, scope, timezone.localdate(), again_url=request.get_full_path())
        return redirect("jobs:detail", job.pk)
    context = {"year": year, "title": title, "records": records, "latest": latest}
    return render(request, "reports/year_report_job.html", context)


@require_GET
@login_required
def year_narrative(request, year):
    scope, _commune, _wide = request_scope(request)
    return _download(
        lambda stream: write_narrative(year, stream, scope=scope), report_filename(year, "docx"), DOCX_CONTENT_TYPE
    )
