"""Background jobs (jobs/): their life from queued to done or failed, the
progress other requests see while one runs, a job its process lost, who
may see a job and its file, and the clean-up of old ones."""

import datetime
import json
import os
import threading
import time

import pytest
from django.db import connections
from django.utils import timezone, translation

from jobs import runner
from jobs.models import Job

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def jobs_dir(settings, tmp_path):
    settings.JOBS_DIR = tmp_path


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user("chu-viec", password="a-long-test-password")


def counting_work(progress, rows, file_name=None):
    progress.set(total=rows, stage="Đếm")
    for _ in range(rows):
        progress.advance()
    if file_name:
        progress.result_file(file_name).write_bytes(b"ket qua")
    return "Xong."


def test_it_runs_a_job_to_the_end_and_keeps_its_file(client, owner):
    job = runner.start(owner, "test", "Việc thử", counting_work, rows=7, file_name="ket-qua.txt")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert (job.done, job.total, job.stage, job.message) == (7, 7, "Đếm", "Xong.")
    assert job.started <= job.finished
    client.force_login(owner)
    page = client.get(f"/jobs/{job.pk}/")
    assert page.status_code == 200
    assert 'http-equiv="refresh"' not in page.content.decode()  # over: no more reloading
    download = client.get(f"/jobs/{job.pk}/download/")
    assert download["Content-Disposition"] == 'attachment; filename="ket-qua.txt"'
    assert b"".join(download.streaming_content) == b"ket qua"


def test_it_says_why_a_job_failed_in_the_owners_language(client, owner):
    def refused(progress):
        raise runner.JobFailed(translation.gettext("Start again"))

    def broken(progress):
        raise ZeroDivisionError

    with translation.override("en"):
        job = runner.start(owner, "test", "Refused", refused)
    job.refresh_from_db()
    assert (job.status, job.message, job.language) == (Job.Status.FAILED, "Start again", "en")
    job = runner.start(owner, "test", "Hỏng", broken, language="vi", again_url="/reports/2021.xlsx")
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message.startswith("Công việc dừng vì một lỗi không lường trước")
    client.force_login(owner)
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert job.message in page and 'href="/reports/2021.xlsx"' in page
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 404  # a failed job has no file


def test_only_the_owner_and_a_superuser_see_a_job(client, owner, django_user_model, make_user):
    from accounts import roles

    job = runner.start(owner, "test", "Việc riêng", counting_work, rows=1, file_name="rieng.txt")
    national = make_user("quoc-gia", roles.ADMINISTRATOR, province=None)  # sees every province, not others' jobs
    for other in (django_user_model.objects.create_user("nguoi-khac", password="a-long-test-password"), national):
        client.force_login(other)
        assert client.get(f"/jobs/{job.pk}/").status_code == 404
        assert client.get(f"/jobs/{job.pk}/download/").status_code == 404
    client.force_login(django_user_model.objects.create_superuser("sep", "s@example.org", "a-long-test-password"))
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 200
    client.logout()
    assert client.get(f"/jobs/{job.pk}/").status_code == 302  # to the login page


def test_a_job_its_process_lost_is_shown_failed_with_start_again(client, owner):
    running = Job.objects.create(
        owner=owner, kind="test", title="Bị ngắt", status=Job.Status.RUNNING, again_url="/reports/2021.xlsx"
    )
    runner.job_dir(running.pk).mkdir(parents=True, exist_ok=True)
    silent = time.time() - runner.STALE_SECONDS - 5
    (runner.job_dir(running.pk) / runner.PROGRESS_FILE).write_text(
        json.dumps({"stage": "Trang 2", "done": 5, "total": 10, "beat": silent})
    )
    never_started = Job.objects.create(owner=owner, kind="test", title="Chưa chạy")
    Job.objects.filter(pk=never_started.pk).update(created=timezone.now() - datetime.timedelta(minutes=5))
    client.force_login(owner)
    page = client.get(f"/jobs/{running.pk}/").content.decode()
    assert "Công việc bị ngắt (máy chủ khởi động lại); hãy chạy lại." in page
    assert 'href="/reports/2021.xlsx" id="job-again"' in page
    client.get(f"/jobs/{never_started.pk}/")
    assert set(Job.objects.filter(owner=owner).values_list("status", flat=True)) == {Job.Status.FAILED}


def test_old_jobs_and_their_files_are_removed(owner):
    old = runner.start(owner, "test", "Cũ", counting_work, rows=1, file_name="cu.txt")
    Job.objects.filter(pk=old.pk).update(created=timezone.now() - runner.KEEP - datetime.timedelta(minutes=1))
    assert runner.result_path(old).exists()
    orphan = runner.job_dir(99_999)  # its job went with its owner
    orphan.mkdir(parents=True)
    long_ago = time.time() - runner.KEEP.total_seconds() - 60
    os.utime(orphan, (long_ago, long_ago))
    new = runner.start(owner, "test", "Mới", counting_work, rows=1)
    assert not runner.job_dir(old.pk).exists() and not orphan.exists()
    assert runner.job_dir(new.pk).exists()
    assert list(Job.objects.filter(owner=owner)) == [new]


def test_in_a_thread_its_progress_is_seen_by_other_requests_while_it_runs(
    client, owner, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """The real path: the job starts in a thread of its own after the
    request commits, and another request reads its progress meanwhile. The
    thread borrows the test's database connection (the test's transaction
    is never committed, so a connection of its own would see nothing)."""
    settings.JOBS_RUN_INLINE = False
    monkeypatch.setattr(runner, "BEAT_SECONDS", 0.05)
    shared = connections["default"]
    shared.inc_thread_sharing()

    def on_the_shared_connection(pk, work, params):
        connections["default"] = shared
        runner.run_job(pk, work, params)

    monkeypatch.setattr(runner, "_in_thread", on_the_shared_connection)
    halfway, go_on = threading.Event(), threading.Event()

    def work(progress):
        progress.set(done=3, total=10, stage="Trang “HTX”")
        halfway.set()
        assert go_on.wait(10)
        progress.set(done=10)
        return "Xong."

    with django_capture_on_commit_callbacks(execute=True):
        job = runner.start(owner, "test", "Việc chạy nền", work)
    assert Job.objects.get(pk=job.pk).status in {Job.Status.QUEUED, Job.Status.RUNNING}
    thread = next(t for t in threading.enumerate() if t.name == f"job-{job.pk}")
    try:
        assert halfway.wait(10)
        deadline = time.time() + 10
        while runner.refreshed(Job.objects.get(pk=job.pk)).done != 3 and time.time() < deadline:
            time.sleep(0.05)
        client.force_login(owner)
        page = client.get(f"/jobs/{job.pk}/").content.decode()
        assert 'http-equiv="refresh"' in page
        assert 'max="10" value="3"' in page and "Trang “HTX”" in page
    finally:
        go_on.set()
        thread.join(10)
        shared.dec_thread_sharing()
    job.refresh_from_db()
    assert (job.status, job.done, job.message) == (Job.Status.DONE, 10, "Xong.")
