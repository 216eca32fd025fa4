"""End to end in headless Chromium: a real `warta serve`, the seed pasted, the RUS–PRK dyad opened.

Chromium and chromedriver come from Debian (`scripts/install-browser.sh`, run by `make test`); a
missing browser fails this test rather than skipping it. Screenshots go to artifacts/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

import warta
from api.servicedata import build_sample_db
from warta.ingest.readers import read_paths
from warta.scale.ingest import ingest
from warta.store import Store

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "src" / "warta" / "data" / "sample"
SEED = SAMPLE / "seed-jagatbisnis-rusia-korut.txt"
ARTIFACTS = REPO / "artifacts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1300,1000"]
PAYLOAD = ("Rusia dan Korea Utara sepakat. <script>window.__pwned = 1</script>\n\n"
           "Presiden Rusia Vladimir Putin <img src=x onerror=\"window.__pwned = 2\"> bertemu Kim Jong Un. "
           "<a id=\"evil\" href=\"javascript:window.__pwned = 3\">Baca</a> "
           "<svg onload=\"window.__pwned = 4\">")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline: warta.Pipeline) -> Iterator[str]:
    """`warta serve` on a free loopback port over a database of the sample corpus and the seed."""
    db = build_sample_db(tmp_path_factory.mktemp("browser") / "browser.duckdb")
    with Store(db) as store:
        summary = ingest(store, pipeline, read_paths([str(SEED), str(SAMPLE / "antara-lombok.html"),
                                                     str(SAMPLE / "aljazeera-afghanistan.html")]))
    assert summary.stored == 3
    port = free_port()
    env = {**os.environ, "WARTA_INGEST_TOKEN": "browser-test"}
    process = subprocess.Popen(
        [sys.executable, "-m", "warta.cli.main", "serve", "--db", str(db), "--port", str(port),
         "--rate-limit", "0"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 40
        while True:
            try:
                if httpx.get(base + "/", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                _, err = process.communicate(timeout=5) if process.poll() is not None else (b"", b"")
                pytest.fail(f"warta serve did not start: {err.decode(errors='replace')[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.fail("chromium/chromedriver missing: run scripts/install-browser.sh (make test does)")
    options = Options()
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    session = webdriver.Chrome(options=options, service=Service(driver))
    session.set_page_load_timeout(30)
    try:
        yield session
    finally:
        session.quit()


def shot(browser: WebDriver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"browser-{name}.png"))


def wait_for(browser: WebDriver, css: str) -> WebElement:
    return WebDriverWait(browser, 15).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def paste_and_analyze(browser: WebDriver, base: str, text: str) -> None:
    browser.get(base + "/")
    box = wait_for(browser, "#paste")
    browser.execute_script("arguments[0].value = arguments[1];", box, text)  # typing 5 kB is slow
    browser.find_element(By.ID, "analyze").click()
    wait_for(browser, "#text")


def csp_violations(browser: WebDriver) -> list[str]:
    return [entry["message"] for entry in browser.get_log("browser")
            if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]]


def test_seed_article_is_marked_up(server: str, browser: WebDriver) -> None:
    paste_and_analyze(browser, server, SEED.read_text(encoding="utf-8"))
    shot(browser, "seed-article")
    assert browser.find_element(By.ID, "title").text.startswith("Hubungan Rusia dan Korea Utara")
    codes = {mark.get_attribute("data-code") for mark in browser.find_elements(By.CSS_SELECTOR, "mark.actor")}
    assert {"RUS", "PRK", "USA"} <= codes  # countries, as expected.md §2
    assert {"USAGOV", "RUSGOV", "PRKGOV", "IGOUNO"} <= codes  # governments and the UN
    rows = browser.find_elements(By.CSS_SELECTOR, "#events tbody tr")
    roots = {row.get_attribute("data-code")[:2] for row in rows}
    assert {"01", "02", "03", "04", "07", "16"} <= roots  # E1–E9 of expected.md §3
    hypothetical = [row for row in rows if row.get_attribute("data-modality") == "hypothetical"]
    assert any(row.get_attribute("data-code").startswith("07") for row in hypothetical)  # E9
    assert browser.find_elements(By.CSS_SELECTOR, "mark.trigger.unreal")
    removed = browser.find_element(By.ID, "removed").text
    assert "MIXADVERT JASAPRO" in removed and "Baca Juga" in removed
    body = browser.find_element(By.ID, "text").text
    assert "Baca Juga" not in body and "MIXADVERT" not in body


def test_clicking_an_event_shows_its_details(server: str, browser: WebDriver) -> None:
    trigger = next(m for m in browser.find_elements(By.CSS_SELECTOR, "mark.trigger")
                   if m.text.startswith("mengunjungi"))
    trigger.click()
    details = browser.find_element(By.ID, "details-list").text
    assert "042" in details and "Goldstein" in details and "reported" in details
    rule = browser.find_element(By.CSS_SELECTOR, "#events tr[data-code='042'] td:nth-child(8)").text
    assert rule and rule in details  # the rule that fired
    actor = browser.find_element(By.CSS_SELECTOR, "mark.actor[data-code='RUSGOV']")
    actor.click()
    assert "RUSGOV" in browser.find_element(By.ID, "details-list").text
    shot(browser, "seed-details")
    assert csp_violations(browser) == []


def test_hostile_paste_never_reaches_the_dom_as_markup(server: str, browser: WebDriver) -> None:
    paste_and_analyze(browser, server, PAYLOAD)
    shot(browser, "hostile-paste")
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('#text script, #text img, #text svg,"
                                  " #text a, #evil').length") == 0
    handlers = browser.execute_script(
        "return Array.from(document.querySelectorAll('*')).flatMap(el => Array.from(el.attributes)"
        ".filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name));")
    assert handlers == []
    scripts = browser.execute_script(
        "return Array.from(document.scripts).map(s => s.getAttribute('src') || s.type);")
    assert scripts == ["application/json", "/static/article.js"]
    assert "<script>window.__pwned = 1</script>" in browser.find_element(By.ID, "text").text


def test_rus_prk_dyad_page(server: str, browser: WebDriver) -> None:
    browser.get(server + "/ui/dyads/RUS/PRK")
    wait_for(browser, "svg.dyad-chart")
    shot(browser, "dyad-rus-prk")
    assert browser.find_element(By.ID, "dyad-title").text == "RUS – PRK"
    verdicts = browser.find_element(By.ID, "verdicts").text
    assert "closer" in verdicts and "cooperative" in verdicts
    assert browser.find_elements(By.CSS_SELECTOR, "svg.dyad-chart rect.quad1")
    evidence = browser.find_elements(By.CSS_SELECTOR, "#evidence tbody tr")
    assert len(evidence) > 25  # the sample's events and the seed's
    seed_rows = [row for row in evidence if "Kirby" in row.text or "Shoigu" in row.text]
    assert seed_rows, "the seed's RUS–PRK events are evidence"
    seed_rows[0].find_element(By.CSS_SELECTOR, "a").click()
    wait_for(browser, "#text")
    assert browser.find_element(By.ID, "title").text.startswith("Hubungan Rusia dan Korea Utara")
    assert csp_violations(browser) == []


def test_events_table_and_network(server: str, browser: WebDriver) -> None:
    browser.get(server + "/ui/events")
    form = wait_for(browser, "form.filters")
    form.find_element(By.NAME, "dyad").send_keys("USA-PRK")
    form.find_element(By.CSS_SELECTOR, "button").click()
    WebDriverWait(browser, 15).until(lambda b: "dyad=USA-PRK" in b.current_url)  # not the unfiltered page
    wait_for(browser, "p.count")

    def filtered_rows(driver: WebDriver) -> list[str] | bool:
        """The rows once the filtered page is shown; the page before it may still be there (and go
        stale under our feet) on a loaded machine."""
        try:
            texts = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#events tbody tr")]
        except StaleElementReferenceException:
            return False
        return texts if texts and all("USA" in t and "PRK" in t for t in texts) else False

    assert WebDriverWait(browser, 15).until(filtered_rows)
    shot(browser, "events-usa-prk")
    browser.get(server + "/ui/network")
    wait_for(browser, "svg.network")
    labels = {t.text for t in browser.find_elements(By.CSS_SELECTOR, "svg.network .node text")}
    assert {"RUS", "PRK", "USA"} <= labels
    shot(browser, "network")
    browser.get(server + "/docs")
    wait_for(browser, ".swagger-ui .opblock")
    shot(browser, "api-docs")
    assert csp_violations(browser) == []


def test_map_shows_where_the_stored_events_happened(server: str, browser: WebDriver) -> None:
    """The sample's visits (North Korea) and the seed's places (Washington, Pyongyang) on a map
    drawn from shipped data: an SVG with land, circles, and nothing fetched from elsewhere."""
    browser.get(server + "/ui/map")
    wait_for(browser, "svg.map path.land")
    names = {g.get_attribute("data-name") for g in browser.find_elements(By.CSS_SELECTOR, "svg.map g.place")}
    assert {"North Korea", "Washington", "Pyongyang"} <= names
    circle = browser.find_element(By.CSS_SELECTOR, 'svg.map g.place[data-name="Washington"] circle')
    box = browser.find_element(By.CSS_SELECTOR, "svg.map").rect
    assert circle.rect["x"] - box["x"] < box["width"] * 0.35  # west of the Atlantic
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
    assert all(url.startswith(server) for url in resources)
    shot(browser, "map")
    assert csp_violations(browser) == []
