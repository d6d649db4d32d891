"""The ``turnstone`` command line: thin wrappers around library functions.

Exit codes: 0 all articles processed, 1 some failed (each reported on stderr with its input and
reason; the others are still printed), 2 bad usage.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from .errors import TurnstoneError
from .model import Article, json_schema

app = typer.Typer(help="Turn news articles into sourced, structured event data.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)


def _err(message: str) -> None:
    typer.echo(message, err=True)


PROFILE_HELP = ("default (the shipped CNN model) or accurate (transformer NER; needs the 'accurate' extra); "
                "default: $TURNSTONE_PROFILE, else default.")
ProfileOption = Annotated[str | None, typer.Option("--profile", help=PROFILE_HELP)]


def _set_profile(profile: str | None) -> None:
    """Use ``profile`` for this process and the workers it starts (through $TURNSTONE_PROFILE);
    stop with the reason (exit 1) when it cannot load."""
    import os

    from .analyze.nlp import PROFILE_ENV, check_profile

    if profile:
        os.environ[PROFILE_ENV] = profile
    try:
        check_profile()
    except TurnstoneError as err:
        _err(f"error: {err}")
        raise typer.Exit(1)


@app.callback()
def _main(verbose: Annotated[int, typer.Option("-v", "--verbose", count=True, help="More logging (-v, -vv).")] = 0,
          profile: ProfileOption = None) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if profile:
        _set_profile(profile)


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Article files (.txt, .html, .jsonl), or - for stdin.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD.")] = None,
    source: Annotated[str | None, typer.Option(help="Source name, e.g. the outlet.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or table.")] = "json",
    profile: ProfileOption = None,
) -> None:
    """Extract entities, quotes, times, places and events from articles."""
    from .core import process_paths
    from .render import render_table

    _set_profile(profile)
    if format not in ("json", "jsonl", "table"):
        _err(f"unknown format {format!r}: use json, jsonl or table")
        raise typer.Exit(2)
    if published:
        _check_date(published)
    meta = {k: v for k, v in {"published": published, "source": source}.items() if v}
    done: list[Article] = []
    failed = 0
    for item in process_paths(files, **meta):
        if isinstance(item, TurnstoneError):
            failed += 1
            _err(f"error: {item}")
            continue
        if format == "jsonl":
            typer.echo(json.dumps(item.to_dict(), ensure_ascii=False))
        elif format == "table":
            render_table(item)
        else:
            done.append(item)
    if format == "json" and done:
        payload = done[0].to_dict() if len(done) == 1 else [a.to_dict() for a in done]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    if failed:
        raise typer.Exit(1)


def _check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        _err(f"--published must be YYYY-MM-DD, got {value!r}")
        raise typer.Exit(2)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one article's results."""
    typer.echo(json.dumps(json_schema(), indent=2))


@app.command("eval")
def eval_command(
    gold: Annotated[list[Path] | None, typer.Argument(
        help="Gold annotation files (*.gold.json); the shipped samples' gold when none is given.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    details: Annotated[bool, typer.Option("--details", help="List missed and false items.")] = False,
    profile: ProfileOption = None,
) -> None:
    """Score the pipeline against gold articles: precision and recall per section."""
    from .evaluate import evaluate_files, render_report

    _set_profile(profile)
    if not gold:
        from .samples import sample_gold_files

        gold = sample_gold_files()
    report = evaluate_files(gold)
    if as_json:
        typer.echo(json.dumps(report, indent=2))
    else:
        render_report(report, details=details)


@app.command()
def samples(
    out: Annotated[Path | None, typer.Option(help="Write results as JSON Lines here.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json, jsonl or table.")] = "table",
    profile: ProfileOption = None,
) -> None:
    """Run the pipeline over the sample articles shipped with Turnstone."""
    from .core import process_article
    from .render import render_table
    from .samples import sample_articles

    _set_profile(profile)
    lines = []
    for article in sample_articles():
        result = process_article(article)
        lines.append(json.dumps(result.to_dict(), ensure_ascii=False))
        if format == "table":
            render_table(result)
        elif format == "jsonl":
            typer.echo(lines[-1])
        else:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    if out:
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        _err(f"wrote {len(lines)} articles to {out}")


def _register_subcommands() -> None:
    # Each area of the package adds its own commands (kb/actor, serve, ingest, ...).
    from .batch.cli import register as register_batch
    from .kb.cli import register as register_kb
    from .serve.cli import register as register_serve

    for register in (register_kb, register_serve, register_batch):
        register(app)


_register_subcommands()


def main() -> None:
    try:
        app()
    except TurnstoneError as err:
        _err(f"error: {err}")
        sys.exit(1)
