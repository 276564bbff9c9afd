"""The command line: a thin face over pipeline, store and report.

    lagebild claims PATH... --format jsonl|csv|table
    lagebild times PATH... --format jsonl [--dct YYYY-MM-DD]
    lagebild events PATH... --format jsonl|csv|geojson
    lagebild entities PATH... --format jsonl
    lagebild facts PATH... | --db FILE
    lagebild stories PATH... | --db FILE
    lagebild build PATH|URL|FEED|WARC... --db FILE [--jobs N] [--outlet NAME] [--offline] [--max-file-mb N]
    lagebild build --from-partitions DIR --db FILE
    lagebild analyse PATH... --out DIR [--jobs N | --dask local:N|ADDRESS]
    lagebild check --db FILE
    lagebild search QUERY --db FILE [--raw]
    lagebild report --db FILE -o dossier.html [--format html|md]
    lagebild serve --db FILE [--host 127.0.0.1] [--port 8000] [--allow-host NAME] [--token-file F]

Exit status: 0 everything read and stored; 1 nothing could be processed (or a bad
query); 2 the dossier cannot be used (missing, not a dossier, another build holds
it, disk full); 3 some inputs were skipped (each named on stderr), the rest stored.
Data shown on the terminal is never taken as Rich markup.
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
from rich.markup import escape
from rich.table import Table
from rich.text import Text

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__.split("\n\n")[0])
err = Console(stderr=True)


class Fmt(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"
    geojson = "geojson"
    html = "html"
    md = "md"


PATHS = typer.Argument(..., help="Article files or folders (.txt, .md, .json, .jsonl incl. news-please and "
                       "trafilatura output, .html; read recursively), http(s) URLs of pages or RSS/Atom feeds, "
                       "feed files (.rss, .atom, .xml), web archives (.warc, .warc.gz, .arc).")


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
            t.add_row(*(Text(_cell(r.get(k))) for k in columns))   # data, never markup
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
    """Per-article errors on stderr, one line each; exit non-zero only when nothing could be processed."""
    for e in errors:
        err.print(f"[yellow]skipped[/] {escape(e.article)}: {escape(e.problem)}")
    if processed == 0:
        err.print("[red]nothing could be processed[/]")
        raise typer.Exit(1)


def analyse_paths(paths: list[str], components: Sequence[str]):
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
def claims(paths: list[str] = PATHS, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """Quantitative claims (../shared/eval/CONTRACT.md): who says how many of what."""
    # entities too, so that each source names the entity it is (`sources[].entity`, as in `lagebild entities`)
    result = analyse_paths(paths, ["claims", "entities"])
    emit((c.to_contract() for c in result.claims), format, CLAIM_COLUMNS)


@app.command()
def times(
    paths: list[str] = PATHS,
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
def events(paths: list[str] = PATHS, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
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
def entities(paths: list[str] = PATHS, format: Fmt = typer.Option(Fmt.table, "--format", "-f")) -> None:
    """Actors and places, one entity per real-world thing."""
    from .report.exports import entity_rows

    result = analyse_paths(paths, ["entities"])
    rows = entity_rows(result.entities)
    emit(rows, format, ["id", "name", "type", "aliases", "lat", "lon", "mentions"])


@app.command()
def facts(
    paths: Optional[list[str]] = typer.Argument(None),
    db: Optional[Path] = typer.Option(None, "--db"),
    format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
) -> None:
    """Quantity groups with low / best / high across sources."""
    from .report.exports import group_rows

    if db:
        from .store.sqlite import Store

        with Store(db, readonly=True) as store:
            groups, claims_ = store.groups(), store.claims()
    elif paths:
        # entities too: the stories (and so the group ids, "story/group") are the ones `lagebild claims` prints
        result = analyse_paths(paths, ["claims", "entities"])
        groups, claims_ = result.groups, result.claims
    else:
        raise typer.BadParameter("give article paths or --db")
    emit(group_rows(groups, claims_), format,
         ["group", "label", "low", "best", "high", "status", "n_sources", "figures", "explanation"])


STORY_COLUMNS = ["id", "title", "start", "end", "n", "articles"]


@app.command()
def stories(
    paths: Optional[list[str]] = typer.Argument(None),
    db: Optional[Path] = typer.Option(None, "--db"),
    format: Fmt = typer.Option(Fmt.table, "--format", "-f"),
) -> None:
    """Stories: the articles about one event, across outlets, with a title and a time span."""
    from .model import to_dict

    if db:
        from .store.sqlite import Store

        with Store(db, readonly=True) as store:
            found = store.stories()
    elif paths:
        found = analyse_paths(paths, ["entities", "times"]).stories
    else:
        raise typer.BadParameter("give article paths or --db")
    rows = [dict(to_dict(s), n=len(s.articles)) for s in found]
    if format == Fmt.table:  # a terminal shows the article names one a line
        rows = [dict(r, articles="\n".join(r["articles"])) for r in rows]
    emit(rows, format, STORY_COLUMNS)


@app.command()
def build(
    paths: Optional[list[str]] = typer.Argument(None, help=PATHS.help),
    db: Path = typer.Option(..., "--db"),
    force: bool = typer.Option(False, "--force", help="Re-analyse unchanged articles too."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet of the articles whose input names none."),
    offline: bool = typer.Option(False, "--offline", help="Fetch nothing: URLs only from the download cache."),
    refetch: bool = typer.Option(False, "--refetch", help="Fetch URLs again although cached (updated articles)."),
    cache: Optional[Path] = typer.Option(None, "--cache", help="Download cache folder "
                                         "(default $LAGEBILD_CACHE or ~/.cache/lagebild/http)."),
    max_file_mb: Optional[float] = typer.Option(
        None, "--max-file-mb", envvar="LAGEBILD_MAX_FILE_MB", min=0.001,
        help="Largest file of one article or JSON file read, in MB (default 16); JSONL is read by line."),
    max_article_chars: Optional[int] = typer.Option(
        None, "--max-article-chars", envvar="LAGEBILD_MAX_ARTICLE_CHARS", min=1,
        help="Longest article text (and JSONL line) read, in characters (default 1,000,000)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                       help="Processes that analyse (default: all cores); one writes."),
    from_partitions: Optional[Path] = typer.Option(
        None, "--from-partitions", help="Store the analyses `lagebild analyse --out DIR` wrote instead of analysing."),
) -> None:
    """Analyse articles and store them in one SQLite file (idempotent).

    Exit status 0: all stored; 3: some inputs skipped (named on stderr); 1: nothing stored; 2: dossier unusable."""
    import os

    from .build import build_dossier, build_from_partitions, default_jobs
    from .ingest.sources import InputOptions

    if max_file_mb is not None:   # the readers take their limits from the environment (ingest.readers.Limits)
        os.environ["LAGEBILD_MAX_FILE_MB"] = str(max_file_mb)
    if max_article_chars is not None:
        os.environ["LAGEBILD_MAX_ARTICLE_CHARS"] = str(max_article_chars)
    if from_partitions is not None:
        if paths:
            raise typer.BadParameter("give article paths or --from-partitions, not both")
        try:
            summary = build_from_partitions(from_partitions, db, console=err, force=force)
        except (FileNotFoundError, ValueError) as e:
            err.print(f"[red]error:[/] {e}")
            raise typer.Exit(2) from None
    elif paths:
        options = InputOptions(offline=offline, refresh=refetch, cache_dir=cache, outlet=outlet)
        summary = build_dossier(paths, db, console=err, force=force, options=options, jobs=jobs or default_jobs())
    else:
        raise typer.BadParameter("give article paths (or --from-partitions DIR)")
    err.print(summary.describe())
    if summary.processed == 0 and summary.unchanged == 0:
        raise typer.Exit(1)
    if summary.errors:
        raise typer.Exit(3)


@app.command()
def check(db: Path = typer.Option(..., "--db")) -> None:
    """Check a dossier's integrity; complete the cross-article step of an interrupted build.

    Exit status 0: whole (after repairs); 1: a problem it cannot repair (rebuild the dossier)."""
    from .build import complete_cross_article
    from .store.check import check_dossier

    findings = check_dossier(db, complete=complete_cross_article)
    for ok, line in findings:
        err.print(("[green]ok[/] " if ok else "[red]problem[/] ") + escape(line))
    if not all(ok for ok, _ in findings):
        raise typer.Exit(1)


@app.command("analyse")
def analyse_cmd(
    paths: list[str] = PATHS,
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the partitions (part-NNNNN.jsonl)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Processes (default: all cores)."),
    dask: Optional[str] = typer.Option(
        None, "--dask", help="Analyse on Dask: local:N (a LocalCluster of N workers) or a scheduler address."),
) -> None:
    """Per-article analysis only (the map step), into JSONL partitions for `build --from-partitions`."""
    from .build import default_jobs
    from .partitions import analyse_on_dask, analyse_to_partitions
    from .pipeline import read_articles

    articles, errors = read_articles(paths)
    for e in errors:
        err.print(f"[yellow]skipped[/] {e.article}: {e.problem}")
    if not articles:
        err.print("[red]nothing could be read[/]")
        raise typer.Exit(1)
    if dask:
        try:
            files = analyse_on_dask(articles, out, scheduler=dask)
        except RuntimeError as e:
            err.print(f"[red]error:[/] {e}")
            raise typer.Exit(2) from None
    else:
        files = analyse_to_partitions(articles, out, jobs=jobs or default_jobs())
    err.print(f"{len(articles)} articles analysed into {len(files)} partitions in {out}")


@app.command()
def search(
    query: str,
    db: Path = typer.Option(..., "--db"),
    limit: int = typer.Option(20, min=1, max=10_000),
    raw: bool = typer.Option(False, "--raw", help="The query is FTS5 syntax (AND, OR, NOT, NEAR, column:)."),
) -> None:
    """Full-text search over articles and sentences, with snippets (words, "phrases", prefix*)."""
    from .store.sqlite import SearchError, Store

    with Store(db, readonly=True) as store:
        try:
            hits = store.search(query, limit=limit, raw=raw)
        except SearchError as e:
            err.print(f"[red]error:[/] {escape(str(e))}")
            raise typer.Exit(1) from None
    if not hits:
        err.print(f"no match for {escape(ascii(query) if not query.isprintable() else repr(query))}")

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
    err.print(f"report written to {escape(str(output.resolve()))}")


@app.command()
def serve(
    db: Path = typer.Option(..., "--db"),
    host: str = "127.0.0.1",
    port: int = 8000,
    token: Optional[str] = typer.Option(
        None, envvar="LAGEBILD_TOKEN", show_envvar=True,
        help="Enables the write endpoints; they then require it. Prefer LAGEBILD_TOKEN or --token-file: "
             "a command-line argument is visible to other users in `ps`."),
    token_file: Optional[Path] = typer.Option(None, "--token-file", help="Read the token from this file."),
    allow_host: list[str] = typer.Option(
        [], "--allow-host", help="Host names the app answers to besides localhost (repeatable; '*.example.org')."),
    max_request_mb: float = typer.Option(32.0, "--max-request-mb", min=0.001,
                                         help="Largest request body accepted (uploads), in MB."),
) -> None:
    """The dossier app: web UI and JSON API (read-only unless a token is given)."""
    import uvicorn

    from .web.app import create_app

    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as e:
            err.print(f"[red]error:[/] cannot read the token file {escape(str(token_file))}: {escape(str(e))}")
            raise typer.Exit(2) from None
        if not token:
            err.print(f"[red]error:[/] the token file {escape(str(token_file))} is empty")
            raise typer.Exit(2)
    hosts = list(allow_host)
    if host not in ("127.0.0.1", "localhost", "::1", "0.0.0.0", "::"):
        hosts.append(host)   # the address it was asked to listen on is a name it may be reached by
    app_ = create_app(db, token=token, allow_hosts=hosts, max_request_bytes=int(max_request_mb * 2**20))
    uvicorn.run(app_, host=host, port=port)


def main() -> None:
    """Entry point: a dossier that cannot be opened is a clear one-line error, not a traceback."""
    from .store.sqlite import StoreError

    try:
        app()
    except StoreError as e:
        err.print(f"[red]error:[/] {escape(str(e))}")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
