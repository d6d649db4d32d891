import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from typer.testing import CliRunner

from turnstone.cli import app
from turnstone.store import open_store


def write_corpus(folder, n):
    folder.mkdir()
    lines = [json.dumps({"id": f"r{i:04d}", "text": f"Delegates met in Geneva on Thursday for round {i}. "
                         f"\"We will meet again,\" a delegate said after round {i}."}) for i in range(n)]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def stored_count(db):
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_cli_ingest_prints_summary_and_exit_codes(tmp_path):
    write_corpus(tmp_path / "src", 3)
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(tmp_path / "src"), "--db", db, "--no-progress"])
    assert first.exit_code == 0, first.output
    for label in ("articles processed", "events", "quotes", "failures"):
        assert label in first.stdout
    (tmp_path / "src" / "bad.jsonl").write_text("[1, 2]\n", encoding="utf-8")
    second = runner.invoke(app, ["ingest", str(tmp_path / "src"), "--db", db, "--no-progress", "--json"])
    assert second.exit_code == 1
    summary = json.loads(second.stdout.strip().splitlines()[-1])
    assert summary["skipped"] == 3 and summary["failed"] == 1 and summary["articles"] == 0
    bad_date = runner.invoke(app, ["ingest", str(tmp_path / "src"), "--db", db, "--published", "Tuesday"])
    assert bad_date.exit_code == 2


def test_cli_ingest_killed_midway_then_rerun_loses_and_repeats_nothing(tmp_path):
    n = 120
    write_corpus(tmp_path / "src", n)
    db = str(tmp_path / "k.db")
    command = [sys.executable, "-m", "turnstone", "ingest", str(tmp_path / "src"), "--db", db, "--no-progress",
               "--json", "--chunk-size", "4"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while stored_count(db) < 8 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = stored_count(db)
    assert 0 < done_before < n, "the run must be killed in the middle for this test to mean anything"

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    summary = json.loads(rerun.stdout.strip().splitlines()[-1])
    assert summary["skipped"] == done_before and summary["articles"] == n - done_before
    with open_store(db) as store:
        assert store.count() == n
        assert store.failures() == []


def test_cli_progress_bar_shows_count_rate_eta_and_failures():
    import io

    from rich.console import Console

    from turnstone.batch.cli import RichProgress
    from turnstone.batch.engine import Summary

    out = io.StringIO()
    progress = RichProgress(enabled=True, console=Console(file=out, force_terminal=True, width=140, color_system=None))
    with progress:
        progress.set_total(10)
        progress.advance(4, Summary(failed=1))
        time.sleep(0.2)
        progress.advance(2, Summary(failed=1))
    text = out.getvalue()
    assert "6/10" in text and "art/s" in text and "ETA" in text and "1 failed" in text
