"""The CLI, run as a real subprocess the way outside scripts call it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

ARTICLE = ("Ministers meet in Oslo\nForeign ministers of Norway and Sweden met in Oslo on Monday.\n"
           "CLICK HERE TO READ MORE FROM THE DAILY PLANET\n\"We agreed to meet again,\" the Norwegian minister said.")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "turnstone", *args], input=stdin, capture_output=True, check=False,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def article_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "oslo.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_cli_extract_json(article_file):
    result = run("extract", str(article_file), "--published", "2025-01-08", "--source", "Planet")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["title"] == "Ministers meet in Oslo"
    assert article["published"] == "2025-01-08" and article["source"] == "Planet"
    assert "CLICK HERE" not in article["text"]
    assert article["removed"][0]["why"] == "promo line"
    assert {"entities", "quotes", "times", "places", "events"} <= article.keys()


def test_cli_extract_stdin_jsonl():
    result = run("extract", "-", "--format", "jsonl", "--published", "2025-01-08", stdin=ARTICLE)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["text"].startswith("Foreign ministers")


def test_cli_extract_table(article_file):
    result = run("extract", str(article_file), "--published", "2025-01-08", "--format", "table")
    assert result.returncode == 0, result.stderr
    assert "Ministers meet in Oslo" in result.stdout


def test_cli_extract_partial_failure_exit_1(tmp_path, article_file):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "ok1", "text": "Leaders met in Rome."}) + "\n{broken\n")
    result = run("extract", str(empty), str(article_file), str(batch), str(tmp_path / "missing.txt"),
                 "--format", "jsonl")
    assert result.returncode == 1
    ids = [json.loads(line)["id"] for line in result.stdout.strip().splitlines()]
    assert len(ids) == 2 and "ok1" in ids
    assert "empty.txt" in result.stderr and "E101" in result.stderr
    assert f"{batch}:2" in result.stderr and "E105" in result.stderr
    assert "missing.txt" in result.stderr and "E104" in result.stderr


def test_cli_bad_usage_exit_2(article_file):
    assert run("extract", str(article_file), "--format", "xml").returncode == 2
    assert run("extract", str(article_file), "--published", "12/02/2025").returncode == 2
    assert run("no-such-command").returncode == 2


def test_cli_schema_is_json_schema():
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Article" and "events" in schema["properties"]


def test_cli_eval_prints_scores(seed_gold):
    result = run("eval", str(seed_gold), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report["sections"]) == {"entities", "quotes", "times", "places", "events", "removed"}
    assert report["sections"]["removed"]["recall"] == 1.0


def test_cli_samples_writes_results(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("samples", "--format", "jsonl", "--out", str(out))
    assert result.returncode == 0, result.stderr
    from turnstone.samples import sample_gold_files

    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == [p.name.removesuffix(".gold.json") for p in sample_gold_files()]
