#!/usr/bin/env python3
"""Export German Wikinews articles of the quotation corpus (split `test` by default) as text files.

The corpus (`../shared/data/german_news_quotation_attribution_2024/data/<split>/*.json`, CC BY-NC-SA 4.0,
texts from German Wikinews) holds one JSON per article with `documentName` "ID - Title (YYYY-MM-DD)"
and `originalText`. Article ID is written as `wn-ID.txt`; these file names are the article ids that
`lagebild claims` prints, and the real-news gold of sets "wn" and "g22" (tests/data/realnews/) refers to them.

    export_wikinews.py [--dir DIR] [--out out/wikinews]                   # all articles of the split
    export_wikinews.py --ids 65602,65671                                   # only these
    export_wikinews.py --stories tests/data/realnews/stories.gold.jsonl    # one subfolder per story

With `--ids` or `--stories` and no `--dir`, an article is looked up in the test split first, then in the dev and
train splits (set "g22" takes multi-article stories from them: the test split holds one only); the ids are German
Wikinews article ids, unique across the splits.

`wn-ID.txt` holds the title, a blank line, then `originalText` exactly, then one newline (lagebild takes
the first line as the title, as a page's headline); offsets into the file are offsets into that text
(an offset into `originalText` is the file offset minus len(title) + 2). Beside it, `wn-ID.meta.json`
(a lagebild sidecar) gives the publication date of the documentName: `{"published": "YYYY-MM-DD"}`.
No outlet is given (10kGNAD files give none either).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "german_news_quotation_attribution_2024" / "data"
DEFAULT_DIR = CORPUS / "test"
SPLITS = ("test", "dev", "train")  # looked up in this order by read_all_docs
PREFIX = "wn-"
_NAME = re.compile(r"(\d+) - (.*) \((\d{4}-\d{2}-\d{2})\)")


def article_id(doc_id: str) -> str:
    return f"{PREFIX}{doc_id}.txt"


def is_article(article: str) -> bool:
    return Path(article).name.startswith(PREFIX)


def doc_of(article: str) -> str:
    name = Path(article).name
    if not (name.startswith(PREFIX) and name.endswith(".txt") and name[len(PREFIX):-4].isdigit()):
        raise ValueError(f"not a Wikinews article id: {article!r} (expected wn-ID.txt)")
    return name[len(PREFIX):-4]


def read_docs(folder: Path = DEFAULT_DIR) -> dict[str, dict]:
    """doc id -> {"title", "date", "text"} for every JSON of a corpus split folder."""
    if not folder.is_dir():
        raise FileNotFoundError(f"Wikinews corpus folder not found: {folder}")
    docs = {}
    for path in sorted(folder.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        m = _NAME.fullmatch(d["documentName"].strip())
        if not m:
            raise ValueError(f"{path.name}: documentName not 'ID - Title (YYYY-MM-DD)': {d['documentName']!r}")
        docs[m[1]] = {"title": m[2], "date": m[3], "text": d["originalText"]}
    return docs


def read_all_docs(first: Path = DEFAULT_DIR) -> dict[str, dict]:
    """doc id -> doc of the split folder `first` and of its sibling splits (dev, train), `first` winning: the gold
    names an article by its Wikinews id alone, whichever split of the corpus holds it."""
    docs = read_docs(first)
    for split in SPLITS:
        sibling = first.parent / split
        if sibling != first and sibling.is_dir():
            for doc_id, doc in read_docs(sibling).items():
                docs.setdefault(doc_id, doc)
    return docs


def searched(first: Path = DEFAULT_DIR, all_splits: bool = True) -> str:
    """The folders an id is looked up in, for an error message: `first`, and with `all_splits` its sibling splits."""
    others = [s for s in SPLITS if first.parent / s != first] if all_splits else []
    return f"{first}" + (f" or its sibling splits ({', '.join(others)})" if others else "")


def doc_in(docs: dict[str, dict], doc_id: str, where: str) -> dict:
    """docs[doc_id]; an id the folders read lack is a one-line error naming them."""
    if doc_id not in docs:
        raise ValueError(f"Wikinews article {doc_id} is not in {where}")
    return docs[doc_id]


def article_text(doc: dict) -> str:
    """What the exported file holds: title, blank line, originalText, final newline."""
    return f"{doc['title']}\n\n{doc['text']}\n"


def export(docs: dict[str, dict], wanted: dict[str, str], out: Path, where: str = "the corpus folder") -> int:
    """Write doc id -> out/subfolder/wn-ID.txt (+ .meta.json) for every wanted id; returns files written.
    `where` names the folders `docs` was read from (an id missing there is an error naming them)."""
    for doc_id, sub in sorted(wanted.items()):
        doc_in(docs, doc_id, where)
        folder = out / sub if sub else out
        folder.mkdir(parents=True, exist_ok=True)
        name = article_id(doc_id)
        (folder / name).write_text(article_text(docs[doc_id]), encoding="utf-8")
        meta = json.dumps({"published": docs[doc_id]["date"]}) + "\n"
        (folder / (name[:-4] + ".meta.json")).write_text(meta, encoding="utf-8")
    return len(wanted)


def story_articles(stories: list[dict]) -> dict[str, str]:
    """doc id -> story id for the Wikinews articles of a stories list (10kGNAD ones are skipped)."""
    return {doc_of(a): st["id"] for st in stories for a in st["articles"] if is_article(a)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=None,
                    help="corpus split folder (default: test; with --ids/--stories test, then dev and train)")
    ap.add_argument("--out", type=Path, default=Path("out/wikinews"), help="output folder")
    sel = ap.add_mutually_exclusive_group()
    sel.add_argument("--ids", help="comma-separated article ids (the number before ' - ' in documentName)")
    sel.add_argument("--stories", type=Path, help="stories jsonl: each story's wn- articles into out/<story id>/")
    a = ap.parse_args(argv)
    try:
        all_splits = a.dir is None and bool(a.ids or a.stories)
        folder = a.dir or DEFAULT_DIR
        docs = read_all_docs(folder) if all_splits else read_docs(folder)
        if a.ids:
            wanted = {i.strip(): "" for i in a.ids.split(",") if i.strip()}
        elif a.stories:
            lines = a.stories.read_text(encoding="utf-8").splitlines()
            wanted = story_articles([json.loads(x) for x in lines if x.strip()])
        else:
            wanted = {i: "" for i in docs}
        n = export(docs, wanted, a.out, searched(folder, all_splits))
    except (OSError, ValueError, KeyError) as e:
        print(f"export_wikinews: {e}", file=sys.stderr)
        return 2
    print(f"wrote {n} articles to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
