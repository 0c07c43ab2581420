"""A large registry import (more rows than IMPORT_JOB_THRESHOLD, low here)
runs as background jobs, through the admin as a data-entry officer: upload →
progress → the usual preview → confirm → progress → the usual message, the
records written; a file with errors or a damaged one writes nothing."""

import json
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from accounts import roles
from jobs import runner
from jobs.models import Job
from places.models import Commune
from registry.import_jobs import estimated_rows
from registry.models import Cooperative
from tests.excel_helpers import read_xlsx, xlsx_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/registry/cooperative/import/"
CONFIRM_URL = "/admin/registry/cooperative/process_import/"
HEADER = ["Mã số HTX", "Tên HTX", "Mã xã", "Ngày đăng ký"]


@pytest.fixture(autouse=True)
def low_threshold(settings, tmp_path):
    settings.IMPORT_JOB_THRESHOLD = 3
    settings.JOBS_DIR = tmp_path / "jobs"
    settings.IMPORT_UPLOAD_DIR = tmp_path / "uploads"


@pytest.fixture
def officer(client, make_user):
    client.force_login(make_user("nhaplieu-lon", roles.DATA_ENTRY))
    return client


def lao_cai_rows(count, bad_dates=()):
    commune = Commune.objects.filter(province_id="15").order_by("code").first().code
    rows = [["DANH SÁCH HỢP TÁC XÃ"], HEADER]
    for i in range(count):
        date = "31/02/2021" if i in bad_dates else "01/07/2021"
        rows.append([f"52099{i:05d}", f"Hợp tác xã Nhập Lớn {i}", commune, date])
    return rows


def upload(client, rows, name="htx-lon.xlsx"):
    return client.post(IMPORT_URL, {"import_file": SimpleUploadedFile(name, xlsx_bytes(rows)), "format": "0"})


def test_rows_are_estimated_without_reading_the_file():
    assert estimated_rows(xlsx_bytes(lao_cai_rows(5))) == 7  # the title and header rows too
    assert estimated_rows(b"a,b\n1,2\n3,4\n") == 3
    assert estimated_rows(b"PK\x03\x04 not a zip") == 0  # the reader refuses it, in the request


def test_a_large_file_is_checked_then_written_by_jobs(officer):
    response = upload(officer, lao_cai_rows(5))
    check = Job.objects.get()
    assert response.status_code == 302 and response.url == f"{IMPORT_URL}job/{check.pk}/"
    assert check.status == Job.Status.DONE, check.message
    assert (check.done, check.total, check.stage) == (5, 5, "Kiểm tra các dòng")
    preview = officer.get(response.url)
    assert preview.status_code == 200
    assert preview.context["counts"] == {"created": 5, "updated": 0, "unchanged": 0}
    assert preview.context["preview"]["created"][0][:2] == ["5209900000", "Hợp tác xã Nhập Lớn 0"]
    assert "5 thêm mới, 0 cập nhật, 0 không đổi" in preview.content.decode()
    assert not Cooperative.objects.filter(registration_code__startswith="52099").exists()  # nothing before confirm

    response = officer.post(CONFIRM_URL, preview.context["confirm_form"].initial)
    write = Job.objects.exclude(pk=check.pk).get()
    assert response.url == f"{IMPORT_URL}job/{write.pk}/"
    assert write.status == Job.Status.DONE, write.message
    assert write.stage == "Ghi lịch sử thay đổi"
    done = officer.get(response.url, follow=True)
    assert done.redirect_chain[-1][0] == "/admin/registry/cooperative/"
    assert "Đã nhập htx-lon.xlsx: 5 thêm mới, 0 cập nhật, 0 không đổi." in done.content.decode()
    written = Cooperative.objects.filter(registration_code__startswith="52099")
    assert written.count() == 5
    assert Cooperative.history.filter(registration_code__startswith="52099", history_type="+").count() == 5
    # A confirm is taken once.
    assert officer.post(CONFIRM_URL, preview.context["confirm_form"].initial).status_code == 404


def test_its_progress_page_reloads_itself_while_the_job_runs(officer, django_user_model):
    job = Job.objects.create(
        owner=django_user_model.objects.get(username="nhaplieu-lon"),
        kind="registry.import_check.cooperatives",
        title="Kiểm tra htx-lon.xlsx",
        status=Job.Status.RUNNING,
    )
    runner.job_dir(job.pk).mkdir(parents=True)
    state = {"stage": "Kiểm tra các dòng", "done": 1250, "total": 50000, "beat": time.time()}
    (runner.job_dir(job.pk) / runner.PROGRESS_FILE).write_text(json.dumps(state))
    page = officer.get(f"{IMPORT_URL}job/{job.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert 'max="50000" value="1250"' in page
    assert "Kiểm tra các dòng" in page and "1.250 / 50.000 dòng (2%)" in page
    # Only its owner's: another officer, or the groups' import page, gets a 404.
    assert Client().get(f"{IMPORT_URL}job/{job.pk}/").status_code == 302  # to the login page
    assert officer.get(f"/admin/registry/cooperativegroup/import/job/{job.pk}/").status_code == 404


def test_another_officer_cannot_see_the_job(officer, make_user):
    upload(officer, lao_cai_rows(5))
    job = Job.objects.get()
    other = Client()
    other.force_login(make_user("nhaplieu-khac", roles.DATA_ENTRY))
    assert other.get(f"{IMPORT_URL}job/{job.pk}/").status_code == 404
    assert other.get(f"/jobs/{job.pk}/download/").status_code == 404


def test_a_large_file_with_errors_lists_them_all_and_writes_nothing(officer):
    response = upload(officer, lao_cai_rows(6, bad_dates={1, 4}))
    page = officer.get(response.url)
    text = page.content.decode()
    assert "Tệp có 2 lỗi; chưa nhập dữ liệu nào." in text
    assert [e["row"] for e in page.context["plan"]["errors"]] == [4, 7]  # spreadsheet rows, title row counted
    assert page.context.get("confirm_form") is None
    rejected = officer.get(page.context["rejected_url"])
    rows = read_xlsx(b"".join(rejected.streaming_content))
    assert rows[0] == [*HEADER, "Lỗi"] and [r[0] for r in rows[1:]] == ["5209900001", "5209900004"]
    assert not Cooperative.objects.filter(registration_code__startswith="52099").exists()


def test_a_damaged_large_file_fails_with_the_usual_message(officer):
    data = "Mã số HTX;Tên HTX\n".encode("utf-16") + b"x;y\n" * 10  # not UTF-8: refused when read
    response = officer.post(IMPORT_URL, {"import_file": SimpleUploadedFile("htx.csv", data), "format": "0"})
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    page = officer.get(response.url).content.decode()
    assert "Tệp CSV không phải văn bản UTF-8" in page
    assert f'href="{IMPORT_URL}" id="job-again"' in page
    assert not Cooperative.objects.filter(registration_code__startswith="52099").exists()


def test_a_small_file_keeps_the_flow_in_the_request(officer, settings):
    settings.IMPORT_JOB_THRESHOLD = 10
    response = upload(officer, lao_cai_rows(5))
    assert response.status_code == 200 and response.context["plan"].ok
    assert not Job.objects.exists()
