"""GET /events by where events happened, and GET /places (the map's data)."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_get_events_and_places_filter_by_place(client: TestClient) -> None:
    """The service's sample: visits happen in the visited country (North Korea)."""
    located = client.get("/events", params={"place": "PRK"}).json()
    assert located["total"] > 0
    assert all(e["location_country"] == "PRK" and e["code"] == "042" for e in located["events"])
    boxed = client.get("/events", params={"bbox": "124,37,131,43"}).json()
    assert boxed["total"] == located["total"]
    assert client.get("/events", params={"bbox": "0,0,1"}).status_code == 422
    assert client.get("/events", params={"bbox": "0,50,1,10"}).status_code == 422
    assert client.get("/events", params={"place": "I'; DROP"}).status_code == 422
    places = client.get("/places").json()["places"]  # other tests may have ingested more by now
    north = next(p for p in places if p["name"] == "North Korea")
    assert north["events"] == located["total"] and all(p["lat"] is not None for p in places)
