import gzip
import json

from turnstone.errors import BadRecordError, EncodingError, InputError, UnreadableError
from turnstone.ingest.sources import count_articles, expand, iter_located, iter_sources, source_kind
from turnstone.model import Article

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Lake Post</title>
<item><title>Ferry service resumes</title><link>https://lake.example/ferry</link>
<description>The ferry between the two lake towns resumed service on Friday after repairs.</description></item>
</channel></rss>"""


def jsonl(records):
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def make_tree(root):
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("Talks in Vienna\nDiplomats met in Vienna on Monday to discuss the treaty.",
                                encoding="utf-8")
    (root / "b" / "c.jsonl").write_text(jsonl([
        {"id": "rec-1", "text": "Farmers blocked roads near the capital on Tuesday.", "published": "2025-02-04"},
        "{not json",
        {"title": "no text here"},
    ]), encoding="utf-8")
    with gzip.open(root / "b" / "d.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(jsonl([{"text": "The parliament passed the budget late on Wednesday."}]))
    (root / "b" / "e.xml").write_bytes(FEED)
    (root / ".hidden.txt").write_text("A hidden file is not read.", encoding="utf-8")
    (root / "b" / "notes.json").write_text("{}", encoding="utf-8")


def test_sources_directory_walk_is_sorted_and_skips_hidden_and_data_files(tmp_path):
    make_tree(tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in expand([tmp_path])]
    assert names == ["a.txt", "b/c.jsonl", "b/d.jsonl.gz", "b/e.xml"]


def test_sources_kinds_from_names_and_content(tmp_path):
    make_tree(tmp_path)
    assert source_kind(tmp_path / "a.txt") == "txt"
    assert source_kind(tmp_path / "b" / "c.jsonl") == "jsonl"
    assert source_kind(tmp_path / "b" / "d.jsonl.gz") == "jsonl"
    assert source_kind(tmp_path / "b" / "e.xml") == "feed"
    (tmp_path / "page.html").write_text("<html></html>")
    (tmp_path / "crawl.warc.gz").write_bytes(b"")
    (tmp_path / "feed.txt").write_bytes(FEED)  # a feed saved under a wrong name is still found
    assert source_kind(tmp_path / "page.html") == "html"
    assert source_kind(tmp_path / "crawl.warc.gz") == "warc"
    assert source_kind(tmp_path / "feed.txt") == "feed"


def test_sources_every_item_has_a_locator_and_errors_say_why(tmp_path):
    make_tree(tmp_path)
    items = list(iter_located([tmp_path]))
    located = {loc.replace(str(tmp_path), ""): item for loc, item in items}
    assert list(located) == ["/a.txt", "/b/c.jsonl:1", "/b/c.jsonl:2", "/b/c.jsonl:3", "/b/d.jsonl.gz:1", "/b/e.xml"]
    assert isinstance(located["/a.txt"], Article) and located["/a.txt"].title == "Talks in Vienna"
    assert located["/b/c.jsonl:1"].id == "rec-1" and located["/b/c.jsonl:1"].published == "2025-02-04"
    assert isinstance(located["/b/c.jsonl:2"], BadRecordError) and located["/b/c.jsonl:2"].line == 2
    assert isinstance(located["/b/c.jsonl:3"], BadRecordError) and "text" in str(located["/b/c.jsonl:3"])
    assert located["/b/d.jsonl.gz:1"].text == "The parliament passed the budget late on Wednesday."
    assert located["/b/e.xml"].title == "Ferry service resumes" and located["/b/e.xml"].source == "Lake Post"
    assert count_articles([tmp_path]) == 6


def test_sources_bad_inputs_never_stop_the_stream(tmp_path):
    (tmp_path / "bad.jsonl").write_bytes(b'{"text": "caf\xff"}\n{"text": "A good line after a bad one."}\n')
    lines = "".join(json.dumps({"text": f"Report number {i} on the river level."}) + "\n" for i in range(3000))
    (tmp_path / "trunc.jsonl.gz").write_bytes(gzip.compress(lines.encode())[:-200])
    items = list(iter_sources([tmp_path, tmp_path / "missing.txt"]))
    kinds = [type(i) for i in items]
    assert kinds[0] is EncodingError
    assert kinds[1] is Article
    assert UnreadableError in kinds  # the truncated gzip, after the lines it could read
    assert sum(k is Article for k in kinds) >= 2
    assert isinstance(items[-1], InputError) and "missing.txt" in str(items[-1])


def test_sources_defaults_apply_to_every_article(tmp_path):
    make_tree(tmp_path)
    articles = [i for i in iter_sources([tmp_path], published="2025-01-01", source="Desk") if isinstance(i, Article)]
    by_id = {a.id: a for a in articles}
    assert by_id["rec-1"].published == "2025-02-04"  # the record's own date wins
    assert all(a.published for a in articles)
    assert by_id["rec-1"].source == "Desk"
