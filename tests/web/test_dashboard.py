"""The dashboard pages, server-rendered, over the sample database (no browser needed)."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_start_page_has_the_paste_form_and_stored_articles(web: TestClient) -> None:
    page = web.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'id="paste-form" action="/ui/analyze" method="post"' in page.text
    assert page.text.count('href="/ui/articles/') == 20


def test_pasted_seed_is_marked_up_with_boilerplate_apart(web: TestClient, seed_text: str) -> None:
    page = web.post("/ui/analyze", data={"text": seed_text}).text
    assert 'data-code="RUSGOV"' in page and 'data-code="PRK"' in page
    assert 'class="trigger quad' in page
    assert '<table class="grid" id="removed">' in page and "MIXADVERT JASAPRO" in page
    text_block = page.split('id="text"', 1)[1].split("</div>", 1)[0]
    assert "MIXADVERT" not in text_block and "Baca Juga" not in text_block
    assert '<script type="application/json" id="layers">' in page


def test_empty_paste_is_422_as_a_page(web: TestClient) -> None:
    page = web.post("/ui/analyze", data={"text": "  "})
    assert page.status_code == 422 and "paste the text" in page.text
    assert page.headers["content-type"].startswith("text/html")


def test_stored_article_page(web: TestClient) -> None:
    page = web.get("/ui/articles/test-2023-09-05-057")
    assert page.status_code == 200
    assert 'data-code="RUS"' in page.text and "Sign formal agreement" in page.text
    assert "does not keep what cleaning removed" in page.text
    assert web.get("/ui/articles/missing").status_code == 404


def test_events_table_filters_and_pages(web: TestClient) -> None:
    page = web.get("/ui/events", params={"actor": "USA", "quad_class": "4", "since": "", "limit": 2}).text
    assert "3 events; 1–2 shown" in page
    assert page.count('<tr class="quad4"') == 2
    assert 'href="/ui/events?actor=USA&amp;quad_class=4&amp;limit=2&amp;offset=2" rel="next"' in page
    assert 'value="USA"' in page and '<option value="4" selected>' in page
    assert web.get("/ui/events", params={"modality": "maybe"}).status_code == 422


def test_dyad_page_has_chart_verdicts_and_evidence_links(web: TestClient) -> None:
    page = web.get("/ui/dyads/rus/prk").text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart dyad-chart"' in page
    assert '<p class="trend" data-direction="RUS→PRK"><strong>closer</strong></p>' in page
    assert page.count('<a href="/ui/articles/') >= 28
    redirect = web.get("/ui/dyads", params={"a": "usa", "b": "prk"}, follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"] == "/ui/dyads/USA/PRK"


def test_network_page(web: TestClient) -> None:
    page = web.get("/ui/network").text
    assert 'class="chart network"' in page and 'href="/ui/dyads/PRK/RUS"' in page


def test_map_page_plots_located_events_from_shipped_data(web: TestClient) -> None:
    page = web.get("/ui/map").text
    assert 'class="chart map"' in page and 'class="land"' in page
    assert 'data-name="North Korea"' in page and "/ui/events?place=PRK" in page
    assert "http" not in page.split('class="chart map"')[1].split("</svg>")[0]  # nothing loaded from the web
    assert web.get("/ui/map", params={"bbox": "0,0,10,10"}).text.count('<g class="place"') == 0
