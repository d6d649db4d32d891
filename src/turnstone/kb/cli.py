"""Commands of the knowledge base, added to the main ``turnstone`` app.

    turnstone actor "TEXT" [--date YYYY-MM-DD]   resolve one actor phrase, print JSON
    turnstone actor -                            one phrase per line on stdin ("TEXT<TAB>DATE")
    turnstone kb list|add|check|import|suggest   inspect and edit the user's knowledge base
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml

from ..errors import KnowledgeBaseError

kb_app = typer.Typer(help="Inspect and extend the actor knowledge base.", no_args_is_help=True)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def actor(
    text: Annotated[str, typer.Argument(help='An actor phrase, e.g. "Armenian Prime Minister", or - for stdin.')],
    date: Annotated[str | None, typer.Option(help="The date the phrase refers to, YYYY-MM-DD.")] = None,
) -> None:
    """Resolve an actor phrase to country, sector, name and title; print JSON."""
    from . import default_kb, resolve_actor

    try:
        kb = default_kb()
        if text != "-":
            typer.echo(json.dumps(resolve_actor(text, date, kb=kb), ensure_ascii=False))
            return
        for line in sys.stdin:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            phrase, _, when = line.partition("\t")
            typer.echo(json.dumps(resolve_actor(phrase, when.strip() or date, kb=kb), ensure_ascii=False))
    except KnowledgeBaseError as err:
        _fail(f"error: {err}")


@kb_app.command("list")
def list_entries(
    search: Annotated[str | None, typer.Argument(help="Only entries whose name or alias contains this.")] = None,
    kind: Annotated[str, typer.Option(help="people, organisations, countries or all.")] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines.")] = False,
) -> None:
    """List knowledge-base entries (shipped and the user's)."""
    from . import default_kb
    from .store import norm

    kb = default_kb()
    needle = norm(search) if search else None
    rows: list[dict[str, Any]] = []
    if kind in ("all", "countries"):
        for c in kb.countries.values():
            names = [c.name, *c.aliases, *c.demonyms, *c.capitals]
            if needle is None or any(needle in norm(n) for n in names):
                rows.append({"kind": "country", "name": c.name, "country": c.code, "aliases": c.aliases,
                             "demonyms": c.demonyms, "capitals": c.capitals})
    for a in kb.actors:
        a_kind = "people" if a.type == "PERSON" else "organisations"
        if kind not in ("all", a_kind) or (needle and not any(needle in norm(n) for n in a.names())):
            continue
        rows.append({"kind": a.type.lower(), "name": a.name, "country": a.country, "sector": a.sector,
                     "aliases": a.aliases, "source": a.source,
                     "roles": [{"title": r.title, "sector": r.sector, "country": r.country,
                                "start": r.start.isoformat() if r.start else None,
                                "end": r.end.isoformat() if r.end else None} for r in a.roles]})
    for row in rows:
        if as_json:
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            roles = "; ".join(f"{r['title'] or ''} {r['country'] or row['country'] or ''}{r['sector'] or ''} "
                              f"{r['start'] or ''}..{r['end'] or ''}".strip() for r in row.get("roles", []))
            typer.echo(f"{row['kind']:8} {row['name']:40} {row['country'] or '-':4} {row.get('sector') or '':4} {roles}")


@kb_app.command()
def add(
    name: Annotated[str, typer.Argument(help="Canonical name, e.g. 'Jane Doe'.")],
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 code, or IGO.")] = None,
    sector: Annotated[str | None, typer.Option(help="Agent code: GOV, MIL, REB, OPP, ...")] = None,
    title: Annotated[str | None, typer.Option(help="Office, e.g. 'Foreign Minister'.")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Another name (repeatable).")] = None,
    start: Annotated[str | None, typer.Option(help="Office held from YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option(help="Office held until YYYY-MM-DD (exclusive).")] = None,
    org: Annotated[bool, typer.Option("--org", help="An organisation rather than a person.")] = False,
    file: Annotated[Path | None, typer.Option(help="User file to write (default: user.yaml in the user folder).")] = None,
) -> None:
    """Add a person or organisation to your own knowledge-base file."""
    from .edit import add_entry

    try:
        path = add_entry(name, country=country, sector=sector, title=title, aliases=alias or [], start=start,
                         end=end, org=org, path=file)
    except KnowledgeBaseError as err:
        _fail(f"error: {err}")
    typer.echo(f"added {name} to {path}")


@kb_app.command()
def check(
    files: Annotated[list[Path] | None, typer.Argument(help="Files to check (default: the user folder).")] = None,
) -> None:
    """Validate knowledge-base files: YAML shape, codes, dates and conflicting aliases."""
    from .edit import check_files

    problems, warnings, summary = check_files(files)
    for line in problems + warnings[:20]:
        typer.echo(line, err=True)
    typer.echo(summary)
    if problems:
        raise typer.Exit(1)


@kb_app.command("import")
def import_command(
    path: Annotated[Path, typer.Argument(help="A PETRARCH/TABARI dictionary file or folder.")],
    out: Annotated[Path | None, typer.Option(help="YAML file to write (default: petrarch.yaml in the user folder).")] = None,
) -> None:
    """Import PETRARCH/TABARI actor and agent dictionaries into your knowledge base."""
    from . import import_petrarch, user_dir

    try:
        data = import_petrarch(path)
    except KnowledgeBaseError as err:
        _fail(f"error: {err}")
    target = out or user_dir() / "petrarch.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    files = data.pop("files")
    header = "# Imported by `turnstone kb import` from:\n" + "".join(f"#   {f}\n" for f in files)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=120)
    target.write_text(header + text, encoding="utf-8")
    typer.echo(f"wrote {len(data['organisations'])} actors and "
               f"{sum(len(v) for v in data['agents'].values())} agent words to {target}")


@kb_app.command()
def suggest(
    files: Annotated[list[str], typer.Argument(help="Article files to read (.txt, .html, .jsonl).")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD.")] = None,
    accept: Annotated[bool, typer.Option("--accept", help="Append the suggestions to your user file.")] = False,
) -> None:
    """Suggest people found with a title and country who are not in the knowledge base."""
    from ..core import process_paths
    from ..errors import TurnstoneError
    from ..extract.entities import suggest_people
    from .edit import append_people

    found: dict[str, dict[str, Any]] = {}
    for item in process_paths(files, **({"published": published} if published else {})):
        if isinstance(item, TurnstoneError):
            typer.echo(f"error: {item}", err=True)
            continue
        for s in suggest_people(item):
            found.setdefault(str(s["name"]), s)
    entries = list(found.values())
    typer.echo(yaml.safe_dump({"people": entries}, allow_unicode=True, sort_keys=False) if entries else "# no suggestions")
    if accept and entries:
        typer.echo(f"appended {len(entries)} people to {append_people(entries)}", err=True)


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""
    app.command("actor")(actor)
    app.add_typer(kb_app, name="kb")
