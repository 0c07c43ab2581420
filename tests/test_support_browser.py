"""A leader reads the section on the Alliance's work on the 2021 dashboard
and follows one of its figures to the records behind it, in Debian's
headless Chromium (as tests/test_browser.py)."""

import pytest
from django.core.management import call_command

from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, _watch_console

pytestmark = pytest.mark.browser


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def leader(transactional_db, django_user_model):
    call_command("load_demo", verbosity=0)
    return django_user_model.objects.create_user("lanhdao-lm", password="a-long-test-password")


def test_a_leader_reads_the_alliance_section_and_drills_down(leader, live_server, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    problems = _watch_console(page)
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "lanhdao-lm")
    page.fill("#id_password", "a-long-test-password")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/dashboard/2021/")

    section = page.locator("#alliance-work")
    assert "Hoạt động của Liên minh" in section.locator("h2").inner_text()
    poverty = section.locator("div[data-code=poor_households_escaped]")
    assert poverty.locator("dd.actual a").inner_text() == "25"
    loans = section.locator("div[data-code=fund_loans_amount]").locator("dd.actual a").inner_text()
    assert loans == "3.050.000.000"  # 500 + 300 + 500 + 300 + 450 + 1.000 million disbursed in 2021
    section.scroll_into_view_if_needed()
    section.screenshot(path=str(SCREENSHOTS / "dashboard-2021-alliance-work.png"))

    poverty.locator("dd.actual a").click()
    page.wait_for_url("**/support/2021/poor_households_escaped/")
    assert page.locator("#record-count").inner_text() == "25"
    assert page.locator("table.records tbody tr").count() == 25
    assert "Xã Trạm Tấu" in page.locator("table.records tbody tr").first.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "drilldown-poor-households-2021.png"), full_page=True)
    assert problems == []
