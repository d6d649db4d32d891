import json
from dataclasses import replace

import pytest

from turnstone.batch import worker
from turnstone.batch.engine import IngestOptions, ingest
from turnstone.pipeline import pipeline_version
from turnstone.store import open_store

CITIES = ["Oslo", "Lima", "Hanoi", "Dakar", "Quito", "Riga", "Accra", "Sofia", "Tunis", "Bern", "Male", "Suva"]


def article_text(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (f"Envoys meet in {city} (report {i})\n"
            f"Envoys from two neighbouring states met in {city} on Monday for talks number {i}. "
            f"\"We made progress on the border question,\" one envoy said after the meeting. "
            f"A second round is planned for next month, officials added.")


@pytest.fixture
def corpus(tmp_path):
    """Eight text files, one JSON Lines file with two good lines and a malformed one."""
    src = tmp_path / "src"
    src.mkdir()
    for i in range(8):
        (src / f"a{i:02d}.txt").write_text(article_text(i), encoding="utf-8")
    lines = [json.dumps({"id": "jl-1", "text": article_text(100), "published": "2025-03-03"}), "{oops",
             json.dumps({"id": "jl-2", "text": article_text(101)})]
    (src / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "runs.db")


class Recorder:
    def __init__(self):
        self.total = None
        self.advanced = 0

    def set_total(self, total):
        self.total = total

    def advance(self, n, summary):
        self.advanced += n


def stored_ids(db):
    store = open_store(db)
    try:
        return {row["id"] for row in store.article_ids(limit=1000)}
    finally:
        store.close()


def test_engine_stores_articles_and_records_input_failures(corpus, db):
    progress = Recorder()
    summary = ingest([corpus], IngestOptions(db=db), progress)
    assert summary.articles == 10 and summary.failed == 1 and not summary.ok
    assert summary.quotes >= 10  # one quotation per article
    assert summary.first_result_s is not None and summary.first_result_s < summary.seconds
    assert progress.advanced == 11
    store = open_store(db)
    try:
        assert store.count() == 10
        assert store.has("jl-1", pipeline_version()) and store.get("jl-1").published == "2025-03-03"
        [failure] = store.failures()
        assert failure.article_id == f"{corpus}/more.jsonl:2" and "E105" in failure.reason
    finally:
        store.close()


def test_engine_rerun_skips_everything_already_done(corpus, db):
    ingest([corpus], IngestOptions(db=db))
    again = ingest([corpus], IngestOptions(db=db))
    assert again.articles == 0 and again.skipped == 10 and again.skipped_failed == 1
    assert again.failed == 0 and again.ok
    assert len(stored_ids(db)) == 10


def test_engine_resumes_after_a_partial_run(corpus, db):
    files = sorted(corpus.glob("*.txt"))
    first = ingest(files[:3], IngestOptions(db=db))  # as if killed after three articles
    assert first.articles == 3
    rest = ingest([corpus], IngestOptions(db=db))
    assert rest.articles == 7 and rest.skipped == 3
    assert len(stored_ids(db)) == 10


def test_engine_duplicate_articles_in_the_sources_are_stored_once(corpus, db, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "dup.txt").write_text(article_text(0), encoding="utf-8")
    summary = ingest([corpus, copy], IngestOptions(db=db))
    assert summary.articles == 10 and summary.skipped == 1


def test_engine_stage_failure_is_recorded_then_retried(corpus, db, monkeypatch):
    (corpus / "boom.txt").write_text(article_text(7).replace("talks", "EXPLODING talks"), encoding="utf-8")
    stages = worker.worker_stages()

    def explode(article):
        if "EXPLODING" in article.text:
            raise RuntimeError("the quotes stage met a bomb")
        return stages[4](article)

    broken = tuple(replace(s, fn=explode, batch=None) if s.name == "quotes" else s for s in stages)
    monkeypatch.setattr(worker, "worker_stages", lambda: broken)
    summary = ingest([corpus], IngestOptions(db=db))
    assert summary.articles == 10 and summary.failed == 2  # the bomb and the malformed line
    store = open_store(db)
    failures = {f.article_id: f for f in store.failures()}
    store.close()
    boom = next(f for f in failures.values() if f.source.endswith("boom.txt"))
    assert "quotes" in boom.reason and "bomb" in boom.reason and len(boom.article_id) == 64

    # A plain re-run leaves the failure alone; --retry-failed tries it again with the fixed stage.
    monkeypatch.undo()
    assert ingest([corpus], IngestOptions(db=db)).skipped_failed == 2
    (corpus / "more.jsonl").write_text(json.dumps({"id": "jl-1", "text": article_text(100)}) + "\n")
    retried = ingest([corpus], IngestOptions(db=db, retry_failed=True))
    assert retried.articles == 1 and retried.failed == 0 and retried.ok
    store = open_store(db)
    try:
        assert store.failures() == []  # the fixed input's failure is gone too
        assert store.has(boom.article_id)
        assert store.count() == 11
    finally:
        store.close()


def test_engine_parquet_partitions_are_resumable(corpus, db, tmp_path):
    from turnstone.batch.parquet import read_articles, written_ids

    out = tmp_path / "pq"
    first = ingest([corpus], IngestOptions(db=db, parquet=str(out)))
    assert first.articles == 10
    again = ingest([corpus], IngestOptions(db=db, parquet=str(out)))
    assert again.articles == 0 and again.skipped == 10
    frame = read_articles(out)
    assert len(frame) == 10 and frame["id"].is_unique
    assert written_ids(out, pipeline_version()) == set(frame["id"])
    row = frame.set_index("id").loc["jl-1"]
    assert json.loads(row["article"])["published"] == "2025-03-03" and row["n_quotes"] >= 1
    assert open_store(db).count() == 0  # articles went to Parquet, not the database


def test_engine_bad_sources_never_stop_the_run(db, tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "ok.txt").write_text(article_text(3), encoding="utf-8")
    summary = ingest([tmp_path / "nope", tmp_path / "bin.txt", tmp_path / "ok.txt"], IngestOptions(db=db))
    assert summary.articles == 1 and summary.failed == 2


def write_warc(path, pages):
    """A small WARC of HTML responses (url, html) written with warcio."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers))
    return path


def test_engine_warc_pages_are_extracted_in_workers_and_skipped_on_rerun(db, tmp_path, monkeypatch):
    from turnstone.ingest import warc

    body = "<p>{}</p><p>Both delegations said the next round of talks would follow within a month.</p>"
    pages = [(f"https://wire.example/{i}", f"<html><body><article><h1>Story {i}</h1>"
              + body.format(article_text(i).replace("\n", " ")) + "</article></body></html>") for i in range(3)]
    pages.append(("https://wire.example/blank", "<html><head><title>Gallery</title></head><body></body></html>"))
    path = write_warc(tmp_path / "crawl.warc.gz", pages)

    # The driver must not extract HTML: only workers (process_chunk) may call WarcPage.extract.
    import traceback

    extracted_in = []
    original = warc.WarcPage.extract

    def spy(self):
        extracted_in.append(any(f.name == "process_chunk" for f in traceback.extract_stack()))
        return original(self)

    monkeypatch.setattr(warc.WarcPage, "extract", spy)
    summary = ingest([path], IngestOptions(db=db))
    assert summary.articles == 3 and summary.failed == 1
    assert extracted_in and all(extracted_in)
    store = open_store(db)
    [failure] = store.failures()
    assert failure.source == f"{path}:4" and "E101" in failure.reason
    stored = store.get(store.article_ids(limit=1)[0]["id"])
    assert stored.url.startswith("https://wire.example/") and "talks number" in stored.text
    store.close()

    extracted_in.clear()
    again = ingest([path], IngestOptions(db=db))
    assert again.skipped == 3 and again.skipped_failed == 1 and again.articles == 0
    assert extracted_in == []  # nothing was extracted again


def test_engine_id_set_remembers_ids_compactly():
    from turnstone.batch.engine import IdSet

    ids = IdSet(["a" * 64, "rec-1"])
    ids.add("rec-2")
    assert "rec-1" in ids and "rec-2" in ids and "a" * 64 in ids
    assert "rec-3" not in ids and 42 not in ids and len(ids) == 3
