"""The editors' page in a real browser: the real server on 127.0.0.1, headless Chromium.

Skipped, saying why, only when Chromium or its driver is not installed (.ci/run installs the
Debian packages chromium and chromium-driver).
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.server.conftest import running_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("cfg") / "serve.toml") as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium must not look for drivers online
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


def test_paste_an_article_and_see_key_points_quotes_and_translation(server, browser, en_page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(server + "/")
    box = browser.find_element(By.ID, "article")
    # set the text as a paste would (send_keys would type 1,000 characters one by one)
    browser.execute_script("arguments[0].value = arguments[1];", box, en_page)
    Select(browser.find_element(By.ID, "target")).select_by_value("ko")
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 60).until(ec.text_to_be_present_in_element((By.ID, "status"), "Done."))

    assert browser.find_element(By.ID, "title").text.startswith("Riverton opens")
    points = browser.find_elements(By.CSS_SELECTOR, "#key-points li")
    assert len(points) == 5
    quotes = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#quotes li")]
    assert any("Ana Whitcombe" in q and "We built this" in q for q in quotes)
    assert any("Grant Ibsen" in q for q in quotes)
    assert browser.find_elements(By.CSS_SELECTOR, "#translation p")
    flags = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#flags li")]
    assert any("script" in f for f in flags)  # identity 'translation' leaves English: flagged


def test_errors_are_shown_not_thrown(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server + "/")
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 30).until(ec.text_to_be_present_in_element((By.ID, "error"), "empty"))
