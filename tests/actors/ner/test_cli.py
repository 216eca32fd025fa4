"""`warta tag --format jsonl` and `warta train ner`, through the real typer app."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from warta.actors.ner import NerTagger
from warta.cli.main import app


def run(args: list[str], stdin: str | bytes = "") -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args, input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_tag_writes_one_line_per_input_line_with_tokens_unchanged() -> None:
    sentences = [
        ["Juru", "bicara", "Gedung", "Putih", ",", "John", "Kirby", ",", "tiba", "di", "Pyongyang", "."],
        [],
        ["“Kami", "siap", "”", "—", "kata", "Kirby", "  ", "😀", "AS-nya"],
    ]
    stdin = "".join(json.dumps({"tokens": tokens, "id": i}) + "\n" for i, tokens in enumerate(sentences))
    code, out, err = run(["tag", "--format", "jsonl"], stdin)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["tokens"] for r in records] == sentences
    assert all(len(r["tags"]) == len(r["tokens"]) for r in records)
    assert records[0]["tags"][5:7] == ["B-PER", "I-PER"]
    assert records[0]["tags"][10] == "B-LOC"


def test_bad_lines_are_reported_skipped_and_fail_the_run() -> None:
    stdin = "\n".join([
        "\ufeff" + json.dumps({"tokens": ["John", "Kirby"]}),
        "not json",
        json.dumps({"tokens": "John Kirby"}),
        json.dumps({"tokens": ["a", 3]}),
        "",
        "\udcff",
        json.dumps({"tokens": ["PBB"]}),
    ]).encode("utf-8", "surrogateescape") + b"\n"
    code, out, err = run(["tag", "--format", "jsonl"], stdin)
    assert code == 1
    assert [json.loads(line)["tokens"] for line in out.splitlines()] == [["John", "Kirby"], ["PBB"]]
    errors = err.splitlines()
    assert [e.split(":")[2].strip() for e in errors] == ["line 2", "line 3", "line 4", "line 5", "line 6"]
    assert "Traceback" not in err


def tiny_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "news.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as handle:
        for text in ["Kemarin Presiden Joko Widodo tiba di Jakarta.", "Ia bertemu wartawan di Jakarta."] * 3:
            handle.write(json.dumps({"text": text}) + "\n")
    return corpus


def test_train_ner_on_a_tiny_sample_writes_a_loadable_model(shared_data: Path, tmp_path: Path) -> None:
    corpus = tiny_corpus(tmp_path)
    out = tmp_path / "tiny.crfsuite"
    code, stdout, err = run(["train", "ner", "--data", str(shared_data / "ner"), "--corpus", str(corpus),
                             "--out", str(out), "--limit", "40", "--max-iterations", "10"])
    assert code == 0, err
    assert out.is_file() and out.with_suffix(".json").is_file() and out.with_suffix(".casing.tsv").is_file()
    assert "wrote" in stdout
    tagger = NerTagger(out)
    assert tagger.info["sentences"] == {name: 40 for name in tagger.info["sentences"]}
    assert len(tagger.tag(["Joko", "Widodo", "tiba", "di", "Jakarta"])) == 5


def test_train_ner_with_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    corpus = str(tiny_corpus(tmp_path))
    code, _, err = run(["train", "ner", "--data", str(tmp_path / "absent"), "--corpus", corpus,
                        "--out", str(tmp_path / "m.crfsuite")])
    assert code == 1
    assert err.count("\n") == 2 and "warta: error:" in err and "no such file" in err  # progress + error
    code, _, err = run(["train", "ner", "--corpus", str(tmp_path / "absent.gz")])
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("warta: error:") and "corpus" in err
