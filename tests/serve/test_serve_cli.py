"""``turnstone serve --get``: one request in-process, through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from turnstone.model import Article, Event, Participant, Span
from turnstone.store import open_store


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "turnstone", *args], capture_output=True, text=True, timeout=120, check=False)


def test_serve_cli_get_prints_json(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    text = "Freedonia and Sylvania agreed to a ceasefire on Monday."
    with open_store(db) as store:
        store.save(Article(id="a1", text=text, published="2031-05-05", events=[
            Event(id="v1", event="AGREE", actors=[Participant(name="Freedonia", country="FRE"),
                                                  Participant(name="Sylvania", country="SYL")],
                  evidence=Span(start=0, end=len(text), text=text))]), "1")
    done = run("serve", "--db", str(db), "--get", "/api/events?event=AGREE")
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["total"] == 1 and body["items"][0]["article_id"] == "a1"
    assert done.stderr == ""


def test_serve_cli_get_error_exit_code(tmp_path: Path) -> None:
    done = run("serve", "--db", str(tmp_path / "x.db"), "--get", "/api/articles/missing")
    assert done.returncode == 1
    assert json.loads(done.stdout)["error"]["code"] == "not_found"


def test_serve_cli_bad_database(tmp_path: Path) -> None:
    done = run("serve", "--db", str(tmp_path / "no" / "dir" / "x.db"), "--get", "/api/events")
    assert done.returncode == 1 and "E400" in done.stderr
