"""The year-end report of a large area, written by a background job (see
jobs/): past REPORT_JOB_THRESHOLD cooperatives and groups, writing it can
outlast the server's request timeout, and XlsxWriter sends nothing before
the whole workbook is closed, so streaming the response would not help."""

from django.conf import settings
from django.utils.translation import gettext as _

from jobs.runner import start
from places.models import Commune, Province
from registry.models import Cooperative, CooperativeGroup
from reports.workbook import report_filename, write_year_report

KIND = "reports.year_report"


def records_in_area(scope):
    """HTX and THT of the area: what makes a report long to write."""
    return Cooperative.objects.filter(scope.q()).count() + CooperativeGroup.objects.filter(scope.q()).count()


def runs_in_background(scope):
    return records_in_area(scope) > settings.REPORT_JOB_THRESHOLD


def area_name(scope):
    if scope.single_commune:
        return Commune.objects.get(code=scope.single_commune).name
    if scope.province:
        return Province.objects.get(code=scope.province).name
    return _("the whole country")


def job_title(year, scope):
    return _("Year-end report %(year)s (Excel), %(area)s") % {"year": year, "area": area_name(scope)}


def start_report_job(user, year, scope, made_on, again_url):
    return start(
        user, KIND, job_title(year, scope), write_report, again_url=again_url, year=year, scope=scope, made_on=made_on
    )


def write_report(progress, year, scope, made_on):
    """The job's work: the same workbook as the direct download, to the
    job's result file, telling which sheet it writes and how many rows."""
    # Translated here, in the owner's language: the workbook itself is
    # written in Vietnamese whatever the language.
    label = _("Sheet “%(sheet)s”")

    def tell(sheet, done, total):
        progress.set(done=done, total=total, stage=label % {"sheet": sheet})

    with open(progress.result_file(report_filename(year)), "wb") as stream:
        write_year_report(year, stream, made_on=made_on, scope=scope, progress=tell)
    return _("The report is ready.")
