import json

import pytest

from turnstone.errors import (
    BadRecordError,
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    UnreadableError,
)
from turnstone.ingest.readers import read_path, read_paths
from turnstone.model import Article


def test_readers_plain_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Ministers met in Oslo on Monday.\nThey agreed to meet again.", encoding="utf-8")
    [article] = read_path(path, published="2025-01-06")
    assert isinstance(article, Article)
    assert article.published == "2025-01-06"
    assert len(article.id) == 64


@pytest.mark.parametrize("content,error", [
    (b"", EmptyInputError),
    (b"   \n\n", EmptyInputError),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", BinaryInputError),
    (b"Ministers met.\nThey \xff\xfe agreed.", EncodingError),
])
def test_readers_bad_files_give_clear_errors(tmp_path, content, error):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [result] = read_path(path)
    assert isinstance(result, error)
    assert str(path) in str(result)
    assert result.code in str(result)


def test_readers_invalid_utf8_names_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"line one\nline two\nline \xff three")
    [result] = read_path(path)
    assert isinstance(result, EncodingError)
    assert result.line == 3
    assert f"{path}:3" in str(result)


def test_readers_unreadable_path(tmp_path):
    [result] = read_path(tmp_path / "missing.txt")
    assert isinstance(result, UnreadableError)
    assert "missing.txt" in str(result)


def test_readers_jsonl_bad_line_is_reported_and_others_kept(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Ministers met in Oslo on Monday.", "published": "2025-01-06"}),
        "{not json",
        json.dumps({"id": "a3", "title": "no text"}),
        json.dumps(["a list"]),
        json.dumps({"id": "a5", "text": "Leaders agreed to talk."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    results = list(read_path(path))
    assert [r.id for r in results if isinstance(r, Article)] == ["a1", "a5"]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [e.line for e in errors] == [2, 3, 4]
    assert all(isinstance(e, BadRecordError) for e in errors)
    assert all(str(path) in str(e) for e in errors)


def test_readers_html_goes_through_trafilatura(tmp_path):
    body = " ".join(["Foreign ministers of the two countries met in Vienna on Tuesday to discuss the border."] * 3)
    html = f"""<!doctype html><html><head><title>Talks in Vienna</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Talks in Vienna</h1><p>{body}</p><p>The next round is planned for March, officials said.</p></article>
    <footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>"""
    path = tmp_path / "a.html"
    path.write_text(html, encoding="utf-8")
    [article] = read_path(path)
    assert isinstance(article, Article), article
    assert "met in Vienna on Tuesday" in article.text
    assert "Home" not in article.text
    assert article.title == "Talks in Vienna"


def test_readers_many_paths_keep_going_after_failures(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Ministers met in Oslo on Monday.", encoding="utf-8")
    results = list(read_paths([tmp_path / "nope.txt", good]))
    assert isinstance(results[0], UnreadableError)
    assert isinstance(results[1], Article)
