"""A leader logs in, reads the 2021 dashboard and follows a drill-down,
in Debian's headless Chromium driven by Playwright."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.browser


def require_chromium():
    """Skip without Chromium on a developer's machine; under CI=true (as
    .ci/run sets, looking in the same place) a missing browser fails."""
    if shutil.which(CHROMIUM):
        return
    missing = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(missing)
    pytest.skip(missing)


@pytest.fixture
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    # Playwright runs an event loop in this thread; the ORM work is done
    # before it starts, and the live server answers from its own thread.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _watch_console(page):
    """Errors the page logs: a Content-Security-Policy violation, a missing
    file, a script error. The pages must produce none."""
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


@pytest.fixture
def leader(transactional_db, django_user_model):
    # A transactional test starts from the data the session loaded, but
    # load it again in case an earlier transactional test flushed it.
    call_command("load_demo", verbosity=0)
    return django_user_model.objects.create_user("lanhdao-test", password="a-long-test-password")


def test_a_leader_reads_the_2021_dashboard_and_drills_down(leader, live_server, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 412, "height": 915}, locale="vi-VN")
    problems = _watch_console(page)
    page.goto(f"{live_server.url}/dashboard/2021/")
    assert "/login/" in page.url
    page.fill("#id_username", "lanhdao-test")
    page.fill("#id_password", "a-long-test-password")
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard/2021/")

    htx_new = page.locator("article[data-code=htx_new]")
    assert "133,8%" in htx_new.inner_text()
    assert "118,3%" in page.locator("article[data-code=tht_new]").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "dashboard-2021-phone.png"), full_page=True)

    htx_new.locator("dd.actual a").click()
    page.wait_for_url("**/dashboard/2021/htx_new/")
    assert page.locator("#record-count").inner_text() == "87"
    assert page.locator("table.records tbody tr").count() == 87
    page.screenshot(path=str(SCREENSHOTS / "drilldown-htx-new-2021.png"), full_page=True)
    assert problems == []


@pytest.fixture
def officer(transactional_db, django_user_model):
    call_command("load_demo", verbosity=0)
    return django_user_model.objects.create_superuser("canbo-test", "c@example.org", "a-long-test-password")


def _log_in(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-test-password")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_an_officer_imports_a_file_through_the_admin_and_downloads_the_report(officer, live_server, browser, tmp_path):
    from openpyxl import load_workbook

    from tests.excel_helpers import xlsx_bytes

    upload = tmp_path / "htx-moi.xlsx"
    upload.write_bytes(
        xlsx_bytes(
            [
                # as an office types it: title rows above the header, an STT column
                ["LIÊN MINH HỢP TÁC XÃ TỈNH LÀO CAI"],
                ["DANH SÁCH HỢP TÁC XÃ THÀNH LẬP MỚI"],
                [],
                ["STT", "Mã số HTX", "Tên HTX", "Xã, phường", "Ngày đăng ký"],
                [1, "5209500001", "Hợp tác xã Trình Duyệt Một", "Xã Trạm Tấu", "05/03/2021"],
                [2, "5209500002", "Hợp tác xã Trình Duyệt Hai", "Xã Bản Công, Huyện Trạm Tấu, Tỉnh Yên Bái", 44261],
            ]
        )
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = _watch_console(page)
    _log_in(page, live_server.url, "canbo-test")
    page.goto(f"{live_server.url}/admin/registry/cooperative/")
    page.click("text=Nhập từ Excel")
    page.set_input_files("input[type=file]", str(upload))
    page.click("#upload-file")
    page.wait_for_selector("#confirm-import")
    assert "2 thêm mới" in page.inner_text(".import-summary")
    assert "06/03/2021" in page.inner_text("#import-preview")  # the Excel serial 44261, as read
    page.screenshot(path=str(SCREENSHOTS / "import-preview.png"), full_page=True)
    page.click("#confirm-import")
    page.wait_for_url("**/admin/registry/cooperative/")
    assert "2 thêm mới" in page.inner_text(".messagelist")

    page.goto(f"{live_server.url}/dashboard/2021/")
    with page.expect_download() as download_info:
        page.click("#year-report")
    target = tmp_path / "report.xlsx"
    download_info.value.save_as(str(target))
    plan = load_workbook(target)["Kế hoạch"]
    new_htx = next(r for r in plan.iter_rows(min_row=11, values_only=True) if r[1] == "Thành lập mới HTX")
    assert new_htx[5] == 89  # the 87 of the demo and the 2 imported
    assert problems == []


@pytest.fixture
def coop_pk(officer):
    """A cooperative to edit (looked up before the browser's event loop starts)."""
    from registry.models import Cooperative

    return Cooperative.objects.order_by("pk").values_list("pk", flat=True).first()


def test_an_officer_types_a_grouped_amount_as_the_portal_shows_it(coop_pk, live_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    problems = _watch_console(page)
    _log_in(page, live_server.url, "canbo-test")
    page.goto(f"{live_server.url}/admin/registry/cooperative/{coop_pk}/change/")
    page.fill("#id_charter_capital", "500.000.000")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/registry/cooperative/")
    page.goto(f"{live_server.url}/registry/htx/{coop_pk}/")
    assert page.inner_text("#charter-capital") == "500.000.000"
    page.screenshot(path=str(SCREENSHOTS / "charter-capital-typed.png"), full_page=True)
    # and the form shows it back the same way
    page.goto(f"{live_server.url}/admin/registry/cooperative/{coop_pk}/change/")
    assert page.input_value("#id_charter_capital") == "500.000.000"
    assert problems == []


@pytest.fixture
def second_officer(officer, django_user_model):
    return django_user_model.objects.create_superuser("canbo-hai", "h@example.org", "a-long-test-password")


def test_two_officers_edit_one_record_and_the_stale_save_is_refused(coop_pk, second_officer, live_server, browser):
    url = f"{live_server.url}/admin/registry/cooperative/{coop_pk}/change/"
    first, second = (browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(2))
    page_a, page_b = first.new_page(), second.new_page()
    problems = _watch_console(page_b)
    _log_in(page_a, live_server.url, "canbo-test")
    _log_in(page_b, live_server.url, "canbo-hai")
    page_a.goto(url)
    page_b.goto(url)

    page_a.fill("#id_representative", "Nguyễn Văn Mới")
    page_a.click("input[name=_save]")
    page_a.wait_for_url("**/admin/registry/cooperative/")

    page_b.fill("#id_representative_phone", "0912 345 678")
    page_b.click("input[name=_save]")
    page_b.wait_for_load_state()
    error = page_b.inner_text("ul.errorlist.nonfield")
    assert error.startswith("Hồ sơ đã được canbo-test sửa lúc ")
    assert "(người đại diện theo pháp luật)" in error
    page_b.screenshot(path=str(SCREENSHOTS / "stale-edit-refused.png"), full_page=True)

    # Nothing of the stale form was saved; reloaded, the change goes through.
    page_b.goto(url)
    assert page_b.input_value("#id_representative") == "Nguyễn Văn Mới"
    assert page_b.input_value("#id_representative_phone") != "0912 345 678"
    page_b.fill("#id_representative_phone", "0912 345 678")
    page_b.click("input[name=_save]")
    page_b.wait_for_url("**/admin/registry/cooperative/")
    page_b.goto(url)
    assert (page_b.input_value("#id_representative"), page_b.input_value("#id_representative_phone")) == (
        "Nguyễn Văn Mới",
        "0912 345 678",
    )
    assert problems == []
    first.close()
    second.close()


def test_a_missing_browser_fails_under_ci_and_skips_elsewhere(monkeypatch):
    monkeypatch.setattr(f"{__name__}.CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="Chromium not found at /nonexistent/chromium"):
        require_chromium()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="Chromium not found"):
        require_chromium()
