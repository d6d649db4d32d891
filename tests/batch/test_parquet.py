"""Parquet partitions: written without pulling pandas into a worker, read back unchanged."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from turnstone.model import Article, Event, Participant, Span


def test_parquet_partition_holds_articles_and_flat_events(tmp_path):
    import pyarrow.parquet as pq

    from turnstone.batch.parquet import ARTICLES, EVENTS, read_articles, write_partition

    text = "France met Germany in Berlin."
    article = Article(id="a1", text=text, source="wire", events=[
        Event(id="e1", event="CONSULT", actors=[Participant(name="France", country="FRA", sector="GOV")],
              recipients=[Participant(name="Germany", country="DEU")], evidence=Span(start=0, end=len(text), text=text))])
    name = write_partition(tmp_path, [article, Article(id="a2", text="Nothing happened.")], "9.9")
    events = pq.read_table(tmp_path / EVENTS / name).to_pylist()
    assert [(e["article_id"], e["event"], e["actor_country"], e["recipient"], e["recipient_sector"])
            for e in events] == [("a1", "CONSULT", "FRA", "Germany", None)]
    frame = read_articles(tmp_path)
    assert list(frame["id"]) == ["a1", "a2"] and list(frame["n_events"]) == [1, 0]
    assert Article.from_dict(__import__("json").loads(frame["article"][0])).events[0].actors[0].name == "France"
    assert (tmp_path / ARTICLES / name).is_file()


@pytest.mark.issue(9)
def test_parquet_writing_does_not_import_pandas_but_reading_still_can(tmp_path):
    # A fresh interpreter: this test process may have imported pandas already.
    script = textwrap.dedent(f"""
        import sys
        from turnstone.batch.parquet import read_articles, write_partition
        from turnstone.model import Article
        write_partition({str(tmp_path)!r}, [Article(id="a1", text="Talks resumed.")], "1")
        assert "pandas" not in sys.modules, "writing a partition imported pandas"
        frame = read_articles({str(tmp_path)!r})
        assert list(frame["id"]) == ["a1"]
        import pandas as pd, pyarrow as pa
        # pyarrow knows pandas again once it is imported on purpose
        assert pa.array(pd.Series(["x"])).to_pylist() == ["x"]
        assert pa.Table.from_pandas(pd.DataFrame({{"n": [1, 2]}})).num_rows == 2
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
