"""``turnstone ingest``: process many articles into a store, with progress, resumably.

Exit codes: 0 every article processed (or already done), 1 some articles failed (each recorded
in the store with its id and reason; ``--retry-failed`` tries them again), 2 bad usage.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Self

import typer

from .engine import CHUNK_SIZE, IngestOptions, Summary
from .worker import DEFAULT_BATCH_SIZE


class RateColumn:
    """Articles per second, for the Rich progress bar (built lazily: Rich is imported on use)."""

    @staticmethod
    def make() -> Any:
        from rich.progress import ProgressColumn
        from rich.text import Text

        class _Rate(ProgressColumn):
            def render(self, task: Any) -> Text:
                speed = task.finished_speed or task.speed
                return Text(f"{speed:,.1f} art/s" if speed else "– art/s", style="cyan")

        return _Rate()


class RichProgress:
    """The ingest Progress drawn as a Rich bar: done/total, articles/s, elapsed, ETA, failures."""

    def __init__(self, enabled: bool = True, console: Any = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), RateColumn.make(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), TextColumn("{task.fields[status]}"),
            console=console or Console(stderr=True), disable=not enabled, speed_estimate_period=60,
        )
        self.task = self.bar.add_task("ingest", total=None, status="")

    def set_total(self, total: int) -> None:
        self.bar.update(self.task, total=total)

    def advance(self, n: int, summary: Summary) -> None:
        status = f"[red]{summary.failed} failed" if summary.failed else ""
        self.bar.update(self.task, advance=n, status=status)

    def __enter__(self) -> Self:
        self.bar.start()
        if not self.bar.disable:
            # Log lines (each failure is a warning) go above the live bar instead of through it.
            import logging

            from rich.logging import RichHandler

            root = logging.getLogger()
            self._handlers = root.handlers[:]
            root.handlers = [RichHandler(console=self.bar.console, show_time=False, show_path=False)]
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()
        if getattr(self, "_handlers", None) is not None:
            import logging

            logging.getLogger().handlers = self._handlers


def print_summary(summary: Summary) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="turnstone ingest", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right", no_wrap=True)
    rows = [
        ("articles processed", f"{summary.articles:,}"),
        ("events", f"{summary.events:,}"),
        ("quotes", f"{summary.quotes:,}"),
        ("failures", f"{summary.failed:,}"),
        ("already stored (skipped)", f"{summary.skipped:,}"),
        ("failed before (not retried)", f"{summary.skipped_failed:,}"),
        ("workers", str(summary.workers)),
        ("peak memory per worker", f"{summary.worker_peak_rss_mb:,.0f} MB RSS, {summary.worker_pss_mb:,.0f} MB PSS"),
        ("time", f"{summary.seconds:,.1f} s"),
        ("articles/s", f"{summary.rate:,.1f}"),
        ("first result", f"{summary.first_result_s:.2f} s" if summary.first_result_s is not None else "–"),
        ("pipeline version", summary.pipeline_version),
    ]
    for name, value in rows:
        table.add_row(name, value)
    Console().print(table)
    if summary.skipped_failed:
        Console(stderr=True).print(f"{summary.skipped_failed} articles failed in an earlier run; "
                                   "run again with --retry-failed to try them again")


def ingest_command(
    sources: Annotated[list[str], typer.Argument(
        help="Directories, text/HTML files, .jsonl(.gz), saved RSS/Atom feeds, WARC files (.warc, .warc.gz).")],
    db: Annotated[str | None, typer.Option(
        "--db", help="Store URL: a SQLite file, sqlite:///PATH or postgresql://USER@HOST/DB.")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1,
        help="Local worker processes (default 1); with --dask local, the LocalCluster's workers (default: cores).")] = None,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="A Dask scheduler address (tcp://HOST:8786), or 'local' to start a LocalCluster.")] = None,
    parquet: Annotated[str | None, typer.Option(
        "--parquet", help="Write results as Parquet partitions in this folder (failures still go to --db).")] = None,
    retry_failed: Annotated[bool, typer.Option(
        "--retry-failed", help="Also process the articles that failed in earlier runs.")] = False,
    published: Annotated[str | None, typer.Option(help="Default publication date YYYY-MM-DD.")] = None,
    source: Annotated[str | None, typer.Option(help="Default source name, e.g. the outlet.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = DEFAULT_BATCH_SIZE,
    chunk_size: Annotated[int, typer.Option(min=1, help="Articles per task sent to a worker.")] = CHUNK_SIZE,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Draw the progress bar.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Process many articles into a store: resumable, on many cores or a Dask cluster."""
    import logging

    from .engine import ingest

    if logging.getLogger().getEffectiveLevel() > logging.INFO:
        # Dask logs every worker start and stop at INFO; show them only with -v.
        logging.getLogger("distributed").setLevel(logging.WARNING)

    if published:
        import datetime as dt

        try:
            dt.date.fromisoformat(published)
        except ValueError:
            typer.echo(f"--published must be YYYY-MM-DD, got {published!r}", err=True)
            raise typer.Exit(2)
    meta = {k: v for k, v in {"published": published, "source": source}.items() if v}
    options = IngestOptions(db=db, workers=workers, dask=dask, parquet=parquet, retry_failed=retry_failed,
                            batch_size=batch_size, chunk_size=chunk_size, meta=meta)
    try:
        with RichProgress(enabled=progress) as bar:
            summary = ingest(sources, options, bar)
    except KeyboardInterrupt:
        typer.echo("interrupted: what was stored is kept; run the same command again to go on", err=True)
        raise typer.Exit(130) from None
    if as_json:
        typer.echo(json.dumps(summary.to_dict()))
    else:
        print_summary(summary)
    if not summary.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""
    app.command("ingest")(ingest_command)
