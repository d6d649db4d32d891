"""A readable terminal view of one article's results (``--format table``)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Article


def render_table(article: Article, console: Console | None = None) -> None:
    console = console or Console()
    console.rule(f"[bold]{article.title or article.id[:12]}[/bold]  {article.published or ''}")
    ents = Table("id", "name", "type", "country", "sector", "title", "mentions", title="Entities")
    for e in article.entities:
        ents.add_row(e.id, e.name, e.type, e.country or "", e.sector or "", e.title or "", str(len(e.mentions)))
    quotes = Table("kind", "speaker", "quote", title="Quotes")
    for q in article.quotes:
        quotes.add_row(q.kind, q.speaker_name or "?", q.text[:100])
    times = Table("text", "type", "value", title="Times")
    for t in article.times:
        times.add_row(t.text, t.type, t.value or "")
    places = Table("text", "country", "geonames", "feature", title="Places")
    for p in article.places:
        places.add_row(p.text, p.country or "", str(p.geonames_id or ""), p.feature or "")
    events = Table("event", "mode", "actors", "recipients", "date", "cameo", "evidence", title="Events")
    for v in article.events:
        events.add_row(v.event, v.mode or "", ", ".join(f"{a.name} ({a.country})" for a in v.actors),
                       ", ".join(f"{r.name} ({r.country})" for r in v.recipients), v.date or "",
                       v.cameo or "", v.evidence.text[:80])
    for table in (ents, quotes, times, places, events):
        if table.row_count:
            console.print(table)
    if article.removed:
        console.print("[dim]removed:[/dim] " + "; ".join(f"{r.text.strip()!r} ({r.why})" for r in article.removed))
