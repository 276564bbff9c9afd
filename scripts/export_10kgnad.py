#!/usr/bin/env python3
"""Export 10kGNAD articles (../shared/data/10kgnad/test.csv) as one UTF-8 text file each.

Each row of test.csv is `label;'text'` (csv delimiter ';', quotechar "'"). Row N (0-based) is
written as `gnad-NNNN.txt`; these file names are the article ids that `lagebild claims` prints,
and the real-news gold in tests/data/realnews/ refers to them.

    export_10kgnad.py [--csv test.csv] [--out out/10kgnad]            # all 1,028 articles
    export_10kgnad.py --rows 12,57,301                                 # only these rows
    export_10kgnad.py --stories tests/data/realnews/stories.gold.jsonl # one subfolder per story

With --stories, the Wikinews articles of a story (`wn-ID.txt`, sets "wn" and "g22") are exported too, by
scripts/export_wikinews.py from its corpus, looked up in its test split, then dev and train (skipped with a note
where that corpus is absent).

The file holds the article text exactly as in the csv cell followed by one newline, so
offsets into the file are offsets into the text.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import export_wikinews  # noqa: E402

DEFAULT_CSV = ROOT.parent / "shared" / "data" / "10kgnad" / "test.csv"


def article_id(row: int) -> str:
    return f"gnad-{row:04d}.txt"


def row_of(article: str) -> int:
    name = Path(article).name
    if not (name.startswith("gnad-") and name.endswith(".txt") and name[5:-4].isdigit()):
        raise ValueError(f"not a 10kGNAD article id: {article!r} (expected gnad-NNNN.txt)")
    return int(name[5:-4])


def read_rows(path: Path) -> list[tuple[str, str]]:
    """(label, text) per row of the 10kGNAD csv."""
    if not path.is_file():
        raise FileNotFoundError(f"10kGNAD csv not found: {path}")
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, rec in enumerate(csv.reader(fh, delimiter=";", quotechar="'")):
            if len(rec) != 2:
                raise ValueError(f"{path}: row {n}: expected label;text, got {len(rec)} fields")
            rows.append((rec[0], rec[1]))
    return rows


def article_text(text: str) -> str:
    """What the exported file holds for an article (the csv cell plus a final newline)."""
    return text + "\n"


def export(rows: list[tuple[str, str]], wanted: dict[int, str], out: Path) -> int:
    """Write row -> out/subfolder/gnad-NNNN.txt for every wanted row; returns files written."""
    for row, sub in sorted(wanted.items()):
        if not 0 <= row < len(rows):
            raise ValueError(f"row {row} out of range (the csv has {len(rows)} rows)")
        folder = out / sub if sub else out
        folder.mkdir(parents=True, exist_ok=True)
        (folder / article_id(row)).write_text(article_text(rows[row][1]), encoding="utf-8")
    return len(wanted)


def load_stories(path: Path) -> list[dict]:
    stories = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                stories.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON: {e}") from None
    return stories


def _export_wikinews(stories: list[dict], out: Path) -> int:
    """The stories' Wikinews articles (sets "wn", "g22"; any split of the corpus), where the corpus is present."""
    wanted = export_wikinews.story_articles(stories)
    if not wanted:
        return 0
    if not export_wikinews.DEFAULT_DIR.is_dir():
        print(f"export_10kgnad: {len(wanted)} Wikinews articles skipped (no {export_wikinews.DEFAULT_DIR})",
              file=sys.stderr)
        return 0
    return export_wikinews.export(export_wikinews.read_all_docs(), wanted, out, export_wikinews.searched())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="10kGNAD test.csv")
    ap.add_argument("--out", type=Path, default=Path("out/10kgnad"), help="output folder")
    sel = ap.add_mutually_exclusive_group()
    sel.add_argument("--rows", help="comma-separated 0-based row numbers to export")
    sel.add_argument("--stories", type=Path, help="stories jsonl: export each story's articles into out/<story id>/")
    a = ap.parse_args(argv)
    try:
        rows = read_rows(a.csv)
        wn = 0
        if a.rows:
            wanted = {int(r): "" for r in a.rows.split(",") if r.strip()}
        elif a.stories:
            stories = load_stories(a.stories)
            wanted = {row_of(art): st["id"] for st in stories for art in st["articles"]
                      if not export_wikinews.is_article(art)}
            wn = _export_wikinews(stories, a.out)
        else:
            wanted = {r: "" for r in range(len(rows))}
        n = export(rows, wanted, a.out) + wn
    except (OSError, ValueError, KeyError) as e:
        print(f"export_10kgnad: {e}", file=sys.stderr)
        return 2
    print(f"wrote {n} articles to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
