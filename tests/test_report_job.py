"""The year-end report of a large area runs as a background job (a low
REPORT_JOB_THRESHOLD here): a page with a button, then the job's page,
then the same workbook as the direct download."""

import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from coopportal.lib.scope import Scope
from jobs.models import Job
from reports.background import records_in_area
from reports.workbook import rows_to_write, write_year_report

pytestmark = pytest.mark.django_db
LAO_CAI = Scope(province="15")


def cells(data):
    book = load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def test_a_small_area_gets_the_workbook_at_once(leader_client, settings):
    settings.REPORT_JOB_THRESHOLD = records_in_area(LAO_CAI)  # not above: immediate
    response = leader_client.get("/reports/2021.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-ket-qua-2021.xlsx"'
    assert not Job.objects.exists()


def test_a_large_area_is_written_by_a_job_with_the_same_content(leader_client, settings):
    settings.REPORT_JOB_THRESHOLD = 1000
    assert records_in_area(LAO_CAI) == 835 + 3249  # the demo's HTX and THT of Lào Cai
    page = leader_client.get("/reports/2021.xlsx")
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    text = page.content.decode()
    assert "4.084 hợp tác xã và tổ hợp tác" in text and 'id="start-report"' in text
    response = leader_client.post("/reports/2021.xlsx")
    job = Job.objects.get()
    assert response.url == f"/jobs/{job.pk}/"
    assert job.status == Job.Status.DONE, job.message
    assert job.title == "Báo cáo tổng kết năm 2021 (Excel), Tỉnh Lào Cai"
    assert job.done == job.total == rows_to_write(2021, LAO_CAI) > 1000
    assert job.stage == "Trang “Ghi chú”"
    page = leader_client.get(response.url).content.decode()
    assert 'id="job-download"' in page and "Báo cáo đã sẵn sàng." in page
    download = leader_client.get(f"/jobs/{job.pk}/download/")
    assert download["Content-Disposition"] == 'attachment; filename="bao-cao-ket-qua-2021.xlsx"'
    direct = io.BytesIO()
    write_year_report(2021, direct, made_on=timezone.localdate(), scope=LAO_CAI)
    assert cells(b"".join(download.streaming_content)) == cells(direct.getvalue())
    # The page before the button now points to this job.
    assert f'href="/jobs/{job.pk}/"' in leader_client.get("/reports/2021.xlsx").content.decode()


def test_another_user_cannot_fetch_the_report_job(leader_client, client, settings, django_user_model):
    settings.REPORT_JOB_THRESHOLD = 1000
    leader_client.post("/reports/2021.xlsx")
    job = Job.objects.get()
    from django.test import Client

    other = Client()
    other.force_login(django_user_model.objects.create_user("khac", password="a-long-test-password"))
    assert other.get(f"/jobs/{job.pk}/download/").status_code == 404
    assert other.get(f"/jobs/{job.pk}/").status_code == 404


def test_a_second_click_while_it_runs_goes_to_the_running_job(leader_client, settings, tmp_path):
    import json
    import time

    from django.contrib.auth import get_user_model

    from jobs import runner

    settings.REPORT_JOB_THRESHOLD = 1000
    settings.JOBS_DIR = tmp_path
    running = Job.objects.create(
        owner=get_user_model().objects.get(username="leader"),
        kind="reports.year_report",
        title="Báo cáo tổng kết năm 2021 (Excel), Tỉnh Lào Cai",
        status=Job.Status.RUNNING,
    )
    runner.job_dir(running.pk).mkdir(parents=True)
    state = {"stage": "Trang “Kế hoạch”", "done": 0, "total": 10, "beat": time.time()}
    (runner.job_dir(running.pk) / runner.PROGRESS_FILE).write_text(json.dumps(state))
    assert leader_client.post("/reports/2021.xlsx").url == f"/jobs/{running.pk}/"
    assert Job.objects.count() == 1
