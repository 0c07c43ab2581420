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

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not shutil.which(CHROMIUM), reason=f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    ),
]


@pytest.fixture
def browser():
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
                ["Mã số HTX", "Tên HTX", "Xã, phường", "Ngày đăng ký"],
                ["5209500001", "Hợp tác xã Trình Duyệt Một", "Xã Trạm Tấu", "05/03/2021"],
                ["5209500002", "Hợp tác xã Trình Duyệt Hai", "Xã Bản Công, Huyện Trạm Tấu, Tỉnh Yên Bái", "06/03/2021"],
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
