"""Dictionary files: malformed rows fail with file:line; PETRARCH/Phoenix files load as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.actors.dictionary import load_dictionary, read_actor_tsv, read_agent_tsv
from warta.actors.phoenix import read_phoenix_actors, read_phoenix_agents
from warta.actors.stage import ActorStage
from warta.errors import DataFileError
from warta.settings import Settings

PHOENIX_SAMPLE = """# a comment
RUSSIAN_FEDERATION_  [RUS]
+RUSSIA_
+MOSCOW_ ; old-style comment

VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV >080508]
\t[RUSELI]
AMERICAN_VICE_PRESIDENT
+US_VICE_PRESIDENT
AMERICAN_VICE-PRESIDENT
\t[USAGOV]
U_THANT_ [IGOUNO 611130-711231] [ELI]
BAD_DATE_PERSON_
\t[KORGOV 2004017-20061201]
\t[KORELI]
"""


@pytest.mark.parametrize(("row", "problem"), [
    ("Rusia\trus\tcountry", "bad CAMEO code"),
    ("Rusia\tRUS\tnation", "unknown kind"),
    ("Rusia\tRUS\tcountry\textra", "columns"),
    ("Rusia\t\tcountry", "want name"),
])
def test_malformed_actor_row_names_file_and_line(row: str, problem: str) -> None:
    text = "# header\nKorea Utara\tPRK\tcountry\n" + row + "\n"
    with pytest.raises(DataFileError, match=rf"^my/actors\.tsv:3: .*{problem}"):
        read_actor_tsv(text, "my/actors.tsv", "id", 0, dated=False)


def test_malformed_dates_fail_at_load() -> None:
    with pytest.raises(DataFileError, match=r"people\.tsv:1: .*ends before it starts"):
        read_actor_tsv("Kim\tPRKGOV 2020-01-01..2010-01-01\tperson\n", "people.tsv", "*", 0, dated=True)
    with pytest.raises(DataFileError, match=r"people\.tsv:2: "):
        read_actor_tsv("A\tUSA\tperson\nKim\tPRKGOV 2020-13-01..\tperson\n", "people.tsv", "*", 0, dated=True)


def test_malformed_agent_row() -> None:
    with pytest.raises(DataFileError, match=r"agents\.tsv:2: bad role"):
        read_agent_tsv("pejabat\tGOV\t\t\ntentara\tmil\t\t\n", "agents.tsv", "id", 0)
    with pytest.raises(DataFileError, match=r"agents\.tsv:1: unknown flag"):
        read_agent_tsv("pejabat\tGOV\tshiny\t\n", "agents.tsv", "id", 0)


def test_phoenix_actor_format(tmp_path: Path) -> None:
    path = tmp_path / "Sample.actors.txt"
    path.write_text(PHOENIX_SAMPLE, encoding="utf-8")
    records, skipped = read_phoenix_actors(path)
    by_name = {r.names[0]: r for r in records}
    assert by_name["RUSSIAN FEDERATION"].names == ["RUSSIAN FEDERATION", "RUSSIA", "MOSCOW"]
    putin = by_name["VLADIMIR PUTIN"]
    assert [p.to_text() for p in putin.periods] == [
        "RUSELI 1970-01-01..1999-08-09", "RUSGOV 2008-05-08..", "RUSELI"]
    # an uncoded primary shares the next record's codes, as PETRARCH reads it
    assert [p.code for p in by_name["AMERICAN VICE PRESIDENT"].periods] == ["USAGOV"]
    assert [p.to_text() for p in by_name["U THANT"].periods] == ["IGOUNO 1961-11-30..1971-12-31", "ELI"]
    assert len(skipped) == 1 and skipped[0].endswith(":17: bad date '2004017'")


@pytest.mark.parametrize(("text", "line", "problem"), [
    ("+RUSSIA_\n", 1, "synonym"),
    ("\t[RUS]\n", 1, "date restriction before"),
    ("RUSSIA_ [RUS\n", 1, "without ']'"),
    ("RUSSIA_ [RUS]\nPUTIN_\n\t[RUS GOV]\n", 3, "restriction"),
])
def test_phoenix_structural_errors(tmp_path: Path, text: str, line: int, problem: str) -> None:
    path = tmp_path / "Bad.actors.txt"
    path.write_text(text, encoding="utf-8")
    if problem == "restriction":  # PETRARCH skips an unreadable restriction; so do we
        assert read_phoenix_actors(path)[1][0].startswith(f"{path}:{line}:")
        return
    with pytest.raises(DataFileError, match=rf":{line}: .*{problem}"):
        read_phoenix_actors(path)


def test_phoenix_agents_format(tmp_path: Path) -> None:
    path = tmp_path / "Sample.agents.txt"
    path.write_text("!PERSON! = MAN, WOMAN\nPOLICE {} [~COP]\nSPOKES!PERSON! [~GOV]\nTROOP [~MIL]\n"
                    "ARMY_ [~MIL]\nHUMAN_RIGHTS_BODY [NGO~]\nDEPARMENT_OF_ENVIRONMENT [~ENV}\nNO_CODE\n",
                    encoding="utf-8")
    agents, skipped = read_phoenix_agents(path)
    phrases = {a.phrase: (a.code, a.prefix) for a in agents}
    assert phrases["POLICE"] == ("COP", False) and "POLICES" not in phrases
    assert {"SPOKESMAN", "SPOKESWOMAN", "TROOP", "TROOPS", "ARMY"} <= set(phrases)
    assert "ARMIES" not in phrases  # a final '_' stops the plural
    assert phrases["HUMAN RIGHTS BODY"] == ("NGO", True)
    assert phrases["DEPARMENT OF ENVIRONMENT"] == ("ENV", False)
    assert skipped == [f"{path}:8: agent without [~CODE]"]


def test_shipped_phoenix_files_load_as_they_are(shared_data: Path) -> None:
    petrarch = shared_data / "cameo" / "petrarch2"
    records, skipped = read_phoenix_actors(petrarch / "Phoenix.Countries.actors.txt")
    assert len(records) > 15_000 and len(skipped) < 20
    agents, _ = read_phoenix_agents(petrarch / "Phoenix.agents.txt")
    assert len(agents) > 4_000
    validate, _ = read_phoenix_actors(petrarch / "PETR.Validate.actors.txt")
    assert validate


def test_user_files_extend_the_dictionary(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("Kerajaan Wakanda\tWKNGOV\tcountry\nBudi Santoso\tIDNGOV 2020-01-01..\tperson\n",
                    encoding="utf-8")
    phoenix = tmp_path / "Extra.actors.txt"
    phoenix.write_text("GONDOR_ [GON]\n+MINAS_TIRITH_\n", encoding="utf-8")
    stage = ActorStage(Settings(), extra_files=[mine, phoenix])
    found = stage.find_actors("Budi Santoso mengunjungi Kerajaan Wakanda dan Gondor.", "id", "2021-01-01")
    assert [(m.text, m.code) for m in found] == [("Budi Santoso", "IDNGOV"), ("Kerajaan Wakanda", "WKNGOV"),
                                                 ("Gondor", "GON")]


def test_missing_user_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        load_dictionary(("id",), [tmp_path / "nope.tsv"])
