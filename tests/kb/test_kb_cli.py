"""`turnstone actor` and `turnstone kb ...`, run in-process with Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from turnstone.cli import app
from turnstone.kb.store import default_kb


@pytest.fixture()
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TURNSTONE_KB_DIR", str(tmp_path))
    default_kb.cache_clear()
    yield tmp_path
    default_kb.cache_clear()


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


def test_kb_cli_actor_json(user_dir: Path) -> None:
    result = invoke("actor", "Armenian Prime Minister", "--date", "2025-02-01")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"text": "Armenian Prime Minister", "country": "ARM", "sector": "GOV",
                                         "name": None, "title": "Prime Minister"}


def test_kb_cli_actor_stdin_with_dates(user_dir: Path) -> None:
    result = invoke("actor", "-", stdin="the Kremlin\nOlaf Scholz\t2024-01-01\nOlaf Scholz\t2025-06-01\n\n")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [x["sector"] for x in lines] == ["GOV", "GOV", None]
    assert lines[0]["country"] == "RUS"


def test_kb_cli_actor_bad_date(user_dir: Path) -> None:
    assert invoke("actor", "Putin", "--date", "yesterday").exit_code == 2


def test_kb_cli_add_then_resolve_and_check(user_dir: Path) -> None:
    result = invoke("kb", "add", "Jane Roe", "--country", "ARM", "--sector", "GOV", "--title", "Foreign Minister",
                    "--alias", "Roe", "--start", "2025-01-01")
    assert result.exit_code == 0, result.output
    assert (user_dir / "user.yaml").exists()
    default_kb.cache_clear()
    got = json.loads(invoke("actor", "Roe", "--date", "2025-03-01").stdout)
    assert (got["name"], got["country"], got["sector"]) == ("Jane Roe", "ARM", "GOV")
    assert json.loads(invoke("actor", "Roe", "--date", "2024-03-01").stdout)["sector"] is None
    assert "Jane Roe" in invoke("kb", "list", "roe").stdout
    check = invoke("kb", "check")
    assert check.exit_code == 0, check.output


def test_kb_cli_add_rejects_bad_codes(user_dir: Path) -> None:
    assert invoke("kb", "add", "X", "--country", "XXX").exit_code == 2
    assert invoke("kb", "add", "X", "--country", "FRA", "--sector", "ZZZ").exit_code == 2


def test_kb_cli_check_reports_bad_file(user_dir: Path) -> None:
    (user_dir / "broken.yaml").write_text("people:\n  - name: A B\n    roles: [{title: X, sector: GOV, "
                                          "start: 2025-05-01, end: 2025-01-01}]\n", encoding="utf-8")
    result = invoke("kb", "check")
    assert result.exit_code == 1
    assert "ends before it starts" in result.output


def test_kb_cli_import_writes_user_file(user_dir: Path, tmp_path_factory) -> None:
    src = tmp_path_factory.mktemp("dicts") / "Mini.actors.txt"
    src.write_text("GRAND_FENWICK_ [GFK]\nDUCHESS_GLORIANA_\n\t[GFKGOV >590101]\n", encoding="utf-8")
    result = invoke("kb", "import", str(src))
    assert result.exit_code == 0, result.output
    assert (user_dir / "petrarch.yaml").exists()
    default_kb.cache_clear()
    got = json.loads(invoke("actor", "Duchess Gloriana", "--date", "1960-01-01").stdout)
    assert (got["country"], got["sector"]) == ("GFK", "GOV")


def test_kb_cli_append_people_skips_known(user_dir: Path) -> None:
    from turnstone.kb.edit import append_people

    entry = {"name": "Ada Okoro", "aliases": ["Okoro"], "country": "KEN",
             "roles": [{"title": "Interior Minister", "sector": "GOV", "start": "2025-05-01"}], "evidence": "x"}
    path = append_people([entry])
    append_people([entry])
    default_kb.cache_clear()
    text = path.read_text(encoding="utf-8")
    assert text.count("Ada Okoro") == 1 and "evidence" not in text
    got = json.loads(invoke("actor", "Okoro", "--date", "2025-06-01").stdout)
    assert (got["country"], got["sector"]) == ("KEN", "GOV")
