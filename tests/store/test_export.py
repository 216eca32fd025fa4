"""Exports: GDELT 2.0 event files that pandas reads with GDELT's own column list; Parquet, JSONL, CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from store_helpers import WIRE, WIRE_SPECS, Spec, make_article

from warta.store import Store, StoreError
from warta.store.export import GDELT_COLUMNS, export

# The GDELT 2.0 event table's 61 columns in order, as the codebook publishes them.
PUBLISHED = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code",
    "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type",
    "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID", "Actor2Geo_Type",
    "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]
# GDELT's documented types; codes stay strings because of leading zeros ("057").
STRINGS = ["EventCode", "EventBaseCode", "EventRootCode", "Actor1Code", "Actor2Code", "Actor1CountryCode",
           "Actor2CountryCode", "Actor1Type1Code", "Actor2Type1Code", "Actor1KnownGroupCode", "SOURCEURL"]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    un = Spec(("the United Nations", "IGOUNO", None), ("Russia", "RUSGOV", "RUS"), "visit", "042")
    text = WIRE + "\n\nA delegation of the United Nations will visit Russia next week."
    articles = [make_article(WIRE, WIRE_SPECS, source=f"site{i}", url=f"https://site{i}.example/a",
                             date="2024-03-05") for i in range(3)]
    articles.append(make_article(text, [un], source="un.example", url="https://un.example/b", date=None))
    with Store(tmp_path / "w.duckdb") as writer:
        writer.add_articles(articles)
    reader = Store(tmp_path / "w.duckdb", read_only=True)
    yield reader
    reader.close()


def test_the_column_list_is_gdelts() -> None:
    assert len(PUBLISHED) == 61
    assert list(GDELT_COLUMNS) == PUBLISHED


def test_gdelt_export_loads_with_pandas_and_gdelts_columns(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "events.export.CSV"
    assert export(store, "gdelt", target) == 3
    raw = target.read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 60 for line in raw)
    frame = pd.read_csv(target, sep="\t", header=None, names=PUBLISHED, dtype={c: "string" for c in STRINGS},
                        keep_default_na=True)
    assert len(frame) == 3
    assert frame["GlobalEventID"].dtype == "int64" and frame["GlobalEventID"].is_unique
    for column in ("QuadClass", "NumMentions", "NumSources", "NumArticles", "IsRootEvent"):
        assert frame[column].dtype == "int64", column
    for column in ("GoldsteinScale", "AvgTone", "FractionDate"):
        assert frame[column].dtype == "float64", column
    pact = frame[frame["EventCode"] == "057"].iloc[0]
    assert (pact["Actor1Code"], pact["Actor1CountryCode"], pact["Actor2Code"]) == ("RUS", "RUS", "PRK")
    assert (pact["Day"], pact["MonthYear"], pact["Year"]) == (20240305, 202403, 2024)
    assert pact["FractionDate"] == pytest.approx(2024 + (3 * 30 + 5) / 365, abs=1e-4)
    assert (pact["NumMentions"], pact["NumSources"], pact["NumArticles"]) == (3, 3, 3)
    assert (pact["EventBaseCode"], pact["EventRootCode"], pact["QuadClass"]) == ("057", "05", 1)
    assert pact["GoldsteinScale"] == 8.0 and pact["SOURCEURL"] == "https://site0.example/a"
    assert len(str(pact["DATEADDED"])) == 14
    assert frame[[c for c in PUBLISHED if "ActionGeo_" in c or "ADM2" in c or "Ethnic" in c
                  or "Religion" in c]].isna().all().all()  # these events have no location
    # the actors' geography is their country (GDELT's Type 1, FIPS codes): Russia RS, North Korea KN
    assert (pact["Actor1Geo_Type"], pact["Actor1Geo_CountryCode"], pact["Actor1Geo_FullName"]) == \
        (1, "RS", "Russia")
    assert (pact["Actor2Geo_Type"], pact["Actor2Geo_CountryCode"]) == (1, "KN")
    assert 50 < float(pact["Actor1Geo_Lat"]) < 70 and 30 < float(pact["Actor1Geo_Long"]) < 110
    visit = frame[frame["EventCode"] == "042"].iloc[0]
    assert visit["Actor1KnownGroupCode"] == "UNO" and pd.isna(visit["Actor1CountryCode"])
    assert pd.isna(visit["Actor1Geo_Type"]) and visit["Actor2Geo_CountryCode"] == "RS"  # the UN has none
    assert visit["Actor2Type1Code"] == "GOV"
    assert pd.isna(visit["Day"])  # the article had no date: left empty, not invented


@pytest.mark.parametrize("table", ["story_events", "events", "articles"])
def test_parquet_jsonl_and_csv_hold_every_row(store: Store, tmp_path: Path, table: str) -> None:
    expected = store.sql(f"SELECT count(*) FROM {table}").rows[0][0]
    columns = store.sql(f"SELECT * FROM {table} LIMIT 0").columns
    parquet = tmp_path / f"{table}.parquet"
    assert export(store, "parquet", parquet, table) == expected
    with duckdb.connect() as conn:
        assert conn.execute("SELECT count(*) FROM read_parquet(?)", [str(parquet)]).fetchone() == (expected,)
        cursor = conn.execute("SELECT * FROM read_parquet(?) LIMIT 0", [str(parquet)])
        names = [d[0] for d in cursor.description]
    assert names == columns
    jsonl = tmp_path / f"{table}.jsonl"
    export(store, "jsonl", jsonl, table)
    docs = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == expected and list(docs[0]) == columns
    path = tmp_path / f"{table}.csv"
    export(store, "csv", path, table)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == columns and len(rows) == expected + 1


def test_a_failed_export_leaves_no_file_behind(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        export(store, "parquet", tmp_path / "missing-folder" / "x.parquet")
    with pytest.raises(StoreError, match="unknown table"):
        export(store, "csv", tmp_path / "x.csv", "articles; DROP TABLE articles")
    assert not list(tmp_path.glob("*.part")) and not (tmp_path / "x.csv").exists()
