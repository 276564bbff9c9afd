"""The command line: a thin face over pipeline, store and report.

    lagebild claims PATH... --format jsonl|csv|table
    lagebild times PATH... --format jsonl [--dct YYYY-MM-DD]
    lagebild events PATH... --format jsonl|csv|geojson
    lagebild entities PATH... --format jsonl
    lagebild facts PATH... | --db FILE
    lagebild build PATH... --db FILE
    lagebild search QUERY --db FILE
    lagebild report --db FILE -o dossier.html [--format html|md]
    lagebild serve --db FILE [--host 127.0.0.1] [--port 8000] [--token T]
"""
from __future__ import annotations

import csv
import json
import sys
import warnings
from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.split("\n\n")[0])
err = Console(stderr=True)


class Fmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    geojson = "geojson"
    html = "html"
    md = "md"


PATHS = typer.Argument(..., help="Article files or folders (.txt, .md, .jsonl, .html), read recursively.")


def emit(rows: Iterable[dict[str, Any]], fmt: Fmt, columns: Sequence[str]) -> None:
    """Write records to stdout as JSONL, CSV or a Rich table."""
    rows = list(rows)
    if fmt == Fmt.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == Fmt.csv:
        w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: _cell(r.get(k)) for k in columns})
    elif fmt == Fmt.table:
        t = Table(*columns, show_lines=False)
        for r in rows:
            t.add_row(*(_cell(r.get(k)) for k in columns))
        Console().print(t)
    else:
        raise typer.BadParameter(f"format {fmt.value} is not available here")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def report_errors(errors: Sequence[Any], processed: int) -> None:
    """Per-article errors on stderr; exit non-zero only when nothing could be processed."""
    for e in errors:
        err.print(f"[yellow]skipped[/] {e.article}: {e.problem}")
    if processed == 0:
        err.print("[red]nothing could be processed[/]")
        raise typer.Exit(1)


def analyse_paths(paths: list[Path], components: Sequence[str]):
    from .pipeline import analyse, read_articles

    articles, errors = read_articles(paths)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if len(articles) > 20 and err.is_terminal:
            from rich.progress import Progress

            with Progress(console=err, transient=True) as bar:
                task = bar.add_task("analysing", total=len(articles))
                result = analyse(articles, components, progress=lambda a: bar.advance(task))
        else:
            result = analyse(articles, components)
    result.errors[:0] = errors
    report_errors(result.errors, len(result.articles))
    return result


CLAIM_COLUMNS = ["article", "text", "low", "high", "qualifier", "counted", "source", "hedged", "group", "sentence"]


@app.command()
def claims(paths: list[Path] = PATHS, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """Quantitative claims (../shared/eval/CONTRACT.md): who says how many of what."""
    # entities too, so that each source names the entity it is (`sources[].entity`, as in `lagebild entities`)
    result = analyse_paths(paths, ["claims", "entities"])
    emit((c.to_contract() for c in result.claims), format, CLAIM_COLUMNS)


@app.command()
def times(
    paths: list[Path] = PATHS,
    format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
    dct: Optional[str] = typer.Option(None, "--dct", help="Publication date to resolve against (YYYY-MM-DD)."),
) -> None:
    """Time expressions, normalised to TIMEX3 values."""
    from dataclasses import asdict

    from .pipeline import analyse, read_articles

    articles, errors = read_articles(paths)
    if dct:
        for a in articles:
            a.published, a.published_precision, a.published_basis = dct, "day", "--dct"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = analyse(articles, ["times"])
    result.errors[:0] = errors
    report_errors(result.errors, len(result.articles))
    emit((asdict(t) for t in result.times), format,
         ["article", "text", "start", "end", "type", "value", "precision"])


@app.command()
def events(paths: list[Path] = PATHS, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """Events: who did what to whom, where, when (PLOVER types)."""
    from .report.exports import event_rows, events_geojson

    result = analyse_paths(paths, ["events"])
    if format == Fmt.geojson:
        sys.stdout.write(json.dumps(events_geojson(result.events), ensure_ascii=False) + "\n")
        return
    rows = event_rows(result.events, flat=format != Fmt.jsonl)
    # a terminal table shows the gist; CSV and JSONL keep every field
    table = ["type", "mode", "actor", "target", "place", "time", "status", "articles"]
    emit(rows, format, table if format == Fmt.table else list(rows[0]) if rows else ["id", "type"])


@app.command()
def entities(paths: list[Path] = PATHS, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """Actors and places, one entity per real-world thing."""
    from .report.exports import entity_rows

    result = analyse_paths(paths, ["entities"])
    rows = entity_rows(result.entities)
    emit(rows, format, ["id", "name", "type", "aliases", "lat", "lon", "mentions"])


@app.command()
def facts(
    paths: Optional[list[Path]] = typer.Argument(None),
    db: Optional[Path] = typer.Option(None, "--db"),
    format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
) -> None:
    """Quantity groups with low / best / high across sources."""
    from .report.exports import group_rows

    if db:
        from .store.sqlite import Store

        with Store(db) as store:
            groups, claims_ = store.groups(), store.claims()
    elif paths:
        result = analyse_paths(paths, ["claims"])
        groups, claims_ = result.groups, result.claims
    else:
        raise typer.BadParameter("give article paths or --db")
    emit(group_rows(groups, claims_), format,
         ["group", "label", "low", "best", "high", "status", "n_sources", "figures", "explanation"])


@app.command()
def build(
    paths: list[Path] = PATHS,
    db: Path = typer.Option(..., "--db"),
    force: bool = typer.Option(False, "--force", help="Re-analyse unchanged articles too."),
) -> None:
    """Analyse articles and store them in one SQLite file (idempotent)."""
    from .build import build_dossier

    summary = build_dossier(paths, db, console=err, force=force)
    err.print(summary.describe())
    if summary.processed == 0 and summary.unchanged == 0:
        raise typer.Exit(1)


@app.command()
def search(query: str, db: Path = typer.Option(..., "--db"), limit: int = 20) -> None:
    """Full-text search over articles and sentences, with snippets."""
    from .store.sqlite import Store

    with Store(db) as store:
        hits = store.search(query, limit=limit)
    if not hits:
        err.print(f"no match for {query!r}")
    from rich.markup import escape

    for h in hits:  # article data is escaped: a "[/]" in a title must not break (or style) the output
        snippet = "".join(f"[bold yellow]{escape(t)}[/]" if hit else escape(t) for t, hit in h["fragments"])
        Console().print(f"[bold]{escape(h['article'])}[/] {escape(h['title'] or '')}\n  {snippet}")


@app.command()
def report(
    db: Path = typer.Option(..., "--db"),
    output: Path = typer.Option(Path("dossier.html"), "--output", "-o"),
    format: Fmt = typer.Option(Fmt.html, "--format", "-f"),
) -> None:
    """A self-contained dossier (HTML, no network) or Markdown."""
    from .report.render import render_report

    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render_report(db, format.value), encoding="utf-8")
    err.print(f"report written to {output.resolve()}")


@app.command()
def serve(
    db: Path = typer.Option(..., "--db"),
    host: str = "127.0.0.1",
    port: int = 8000,
    token: Optional[str] = typer.Option(None, help="Enables the write endpoints; they then require it."),
) -> None:
    """The dossier app: web UI and JSON API."""
    import uvicorn

    from .web.app import create_app

    uvicorn.run(create_app(db, token=token), host=host, port=port)


def main() -> None:
    """Entry point: a dossier that cannot be opened is a clear one-line error, not a traceback."""
    from .store.sqlite import StoreError

    try:
        app()
    except StoreError as e:
        err.print(f"[red]error:[/] {e}")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
