import pytest

from turnstone.errors import BadRecordError
from turnstone.ingest.feeds import html_to_text, looks_like_feed, read_feed
from turnstone.model import Article

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <item>
    <title>Foreign ministers meet in Tallinn</title>
    <link>https://gazette.example/tallinn-talks</link>
    <guid>tallinn-1</guid>
    <pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate>
    <description>A short teaser.</description>
    <content:encoded><![CDATA[<p>The foreign ministers of Estonia and Latvia met in Tallinn on Monday.</p>
      <p>&#8220;We will keep talking,&#8221; the Estonian minister said.</p><script>track()</script>]]></content:encoded>
  </item>
  <item>
    <title>Empty item</title>
    <link>https://gazette.example/empty</link>
  </item>
  <item>
    <title>Port strike ends</title>
    <link>https://gazette.example/port</link>
    <description>Dock workers in Gdansk returned to work after a two-day strike over pay.</description>
  </item>
</channel>
</rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ridge Wire</title>
  <id>urn:ridge</id>
  <updated>2025-05-02T10:00:00Z</updated>
  <entry>
    <title>Border crossing reopens</title>
    <id>urn:ridge:1</id>
    <link href="https://ridge.example/border"/>
    <published>2025-05-01T08:00:00Z</published>
    <updated>2025-05-02T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Officials reopened the northern border crossing on Thursday.&lt;/p&gt;&lt;p&gt;Trucks lined up for miles.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_feeds_rss_entries_become_articles_with_metadata():
    items = list(read_feed(RSS, "gazette.rss"))
    assert len(items) == 3
    first, empty, third = items
    assert isinstance(first, Article)
    assert first.title == "Foreign ministers meet in Tallinn"
    assert first.url == "https://gazette.example/tallinn-talks"
    assert first.published == "2025-03-04"
    assert first.source == "Harbour Gazette"
    # The full content wins over the teaser; paragraphs stay lines; scripts are dropped.
    assert first.text.splitlines() == [
        "The foreign ministers of Estonia and Latvia met in Tallinn on Monday.",
        "\u201cWe will keep talking,\u201d the Estonian minister said.",
    ]
    assert isinstance(empty, BadRecordError) and empty.line == 2 and "gazette.rss" in str(empty)
    assert isinstance(third, Article) and third.text.startswith("Dock workers in Gdansk")
    assert len({first.id, third.id}) == 2 and len(first.id) == 64


def test_feeds_atom_entry_with_html_content():
    [article] = list(read_feed(ATOM, "ridge.atom"))
    assert isinstance(article, Article)
    assert article.title == "Border crossing reopens"
    assert article.published == "2025-05-01"
    assert article.url == "https://ridge.example/border"
    assert article.text == "Officials reopened the northern border crossing on Thursday.\nTrucks lined up for miles."


def test_feeds_default_meta_fills_gaps_but_entry_values_win():
    items = list(read_feed(RSS, "gazette.rss", published="2024-12-31", source="Given Outlet"))
    first, third = items[0], items[2]
    assert first.published == "2025-03-04"  # the entry's own date
    assert third.published == "2024-12-31"  # no date in the entry: the default
    assert first.source == "Given Outlet"


@pytest.mark.parametrize("data", [b"<rss><channel><title>x</title></channel></rss>", b"this is not a feed at all"])
def test_feeds_without_entries_give_one_clear_error(data):
    [error] = list(read_feed(data, "broken.xml"))
    assert isinstance(error, BadRecordError)
    assert "broken.xml" in str(error) and error.code == "E105"


def test_feeds_sniffing_tells_feeds_from_other_xml():
    assert looks_like_feed(RSS)
    assert looks_like_feed(ATOM)
    assert not looks_like_feed(b"<?xml version='1.0'?><svg></svg>")
    assert not looks_like_feed(b"Plain text about a feed.")


def test_feeds_html_to_text_keeps_blocks_apart():
    assert html_to_text("<p>One.</p><p>Two <b>bold</b> words.</p><ul><li>Three</li></ul>") == \
        "One.\nTwo bold words.\nThree"
    assert html_to_text("No markup here.") == "No markup here."
