from turnstone.batch.worker import ChunkItem, Sink, failed_chunk, process_chunk
from turnstone.ingest.readers import article_from_text
from turnstone.pipeline import Pipeline, Stage


def articles(n: int):
    return [article_from_text(f"Ministers met in Oslo on Monday, report {i}. \"We talked,\" one minister said.",
                              published="2025-01-08") for i in range(n)]


def test_worker_pipeline_pipe_in_batches_equals_one_by_one():
    pipeline = Pipeline.default()
    one = [a.to_dict() for a in pipeline.pipe(articles(5))]
    batched = [a.to_dict() for a in pipeline.pipe(articles(5), batch_size=2)]
    assert batched == one and len(one) == 5
    assert one[0]["quotes"] and one[0]["times"]


def test_worker_pipeline_batch_form_is_used_and_a_bad_article_is_isolated():
    calls = []

    def batch_upper(items):
        calls.append(len(items))
        if any("poison" in a.text for a in items):
            raise ValueError("bad batch")
        for a in items:
            a.title = a.text.upper()[:5]
        return items

    def one_upper(article):
        if "poison" in article.text:
            raise ValueError("poisoned article")
        article.title = article.text.upper()[:5]
        return article

    failures = []
    pipeline = Pipeline([Stage("upper", one_upper, batch=batch_upper)],
                        on_error=lambda art, st, err: failures.append((art.text, str(err))))
    texts = ["alpha one.", "beta two.", "poison three.", "gamma four."]
    out = list(pipeline.pipe([article_from_text(t) for t in texts], batch_size=4))
    assert calls == [4]  # the batch form ran once, failed, then the articles ran one by one
    assert [a.title for a in out] == ["ALPHA", "BETA ", None, "GAMMA"]
    assert failures == [("poison three.", "poisoned article")]


def test_worker_process_chunk_returns_articles_without_docs():
    items = [ChunkItem(f"f{i}.txt", a) for i, a in enumerate(articles(3))]
    result = process_chunk(items, None, batch_size=2)
    assert result.done_ids == [a.id for a in result.done] and len(result.done) == 3
    assert all(a.doc is None for a in result.done)
    assert result.quotes == 3 and result.failures == []


def test_worker_writes_parquet_itself_when_the_sink_says_so(tmp_path):
    from turnstone.batch.parquet import read_articles

    items = [ChunkItem(f"f{i}.txt", a) for i, a in enumerate(articles(3))]
    result = process_chunk(items, Sink(parquet_dir=str(tmp_path), pipeline_version="9.9"), batch_size=8)
    assert result.done == [] and result.saved == 3
    frame = read_articles(tmp_path)
    assert sorted(frame["id"]) == sorted(result.done_ids) and set(frame["pipeline_version"]) == {"9.9"}


def test_worker_failed_chunk_fails_every_article():
    items = [ChunkItem(f"f{i}.txt", a) for i, a in enumerate(articles(2))]
    result = failed_chunk(items, "worker died")
    assert [(f[1], f[2]) for f in result.failures] == [("f0.txt", "worker died"), ("f1.txt", "worker died")]
