#!/usr/bin/env python3
"""Build the real-news claim gold (tests/data/realnews/claims.{dev,heldout}.gold.jsonl and
negatives.{dev,heldout}.jsonl) from the hand annotation tests/data/realnews/annotations.tsv.

The annotation holds, per claim, the figure phrase as it stands in the exported article
(`scripts/export_10kgnad.py`; the `wn-ID.txt` articles of sets "wn" and "g22": `scripts/export_wikinews.py`); this
script finds it in the article text (the n-th occurrence with a `#n` suffix, 1-based), so start/end are
offsets into the exported file, and writes the contract's gold format (the fields
`../shared/eval/score_claims.py` reads) plus `text`, `start`, `end`, `relayed_by`, `story`.

annotations.tsv, fields separated by |, `#` starts a comment line:
    C  article  quote[#n]  low  high  qualifier  counted  source  relayed_by  hedged  group  status
    N  article  quote[#n]  value  why
counted, source, relayed_by: comma-separated lower-case stems; source `*` = not scored
(the article states the figure on its own authority, or who says it is unclear); relayed_by `-` = none;
hedged 1/0/- (- = not scored); group `-` = none (optional ages/durations); status must/optional.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import export_10kgnad  # noqa: E402
import export_wikinews  # noqa: E402

GOLD = ROOT / "tests" / "data" / "realnews"
QUALIFIERS = {"exact", "approx", "at_least", "more_than", "at_most", "less_than", "vague"}


def locate(text: str, quote: str, where: str) -> tuple[str, int, int]:
    q, _, nth = quote.partition("#")
    n = int(nth) if nth else 1
    pos = -1
    for _ in range(n):
        pos = text.find(q, pos + 1)
        if pos < 0:
            raise ValueError(f"{where}: {q!r} (occurrence {n}) not in the article")
    return q, pos, pos + len(q)


def num(s: str) -> int | float:
    v = float(s)
    return int(v) if v.is_integer() else v


def halves(split_map: dict) -> list[str]:
    """The halves of split.json (every key with a list of story ids; `note` is prose)."""
    return [k for k, v in split_map.items() if isinstance(v, list)]


def annotation_files(gold_dir: Path) -> list[Path]:
    """annotations.tsv and one annotations.<set>.tsv per later annotated set, so that sets annotated
    side by side never edit one file."""
    return sorted(gold_dir.glob("annotations*.tsv"))


class Texts:
    """The exported text of an article id: a 10kGNAD row (`gnad-NNNN.txt`) or a Wikinews article (`wn-ID.txt`,
    read from the corpus only when the annotation names one: the split folder given, then its sibling splits)."""

    def __init__(self, rows: list[tuple[str, str]], wikinews_dir: Path = export_wikinews.DEFAULT_DIR):
        self.rows, self.wikinews_dir, self._docs = rows, wikinews_dir, None

    def __call__(self, art: str) -> str:
        if export_wikinews.is_article(art):
            if self._docs is None:
                self._docs = export_wikinews.read_all_docs(self.wikinews_dir)
            doc = export_wikinews.doc_in(self._docs, export_wikinews.doc_of(art),
                                         export_wikinews.searched(self.wikinews_dir))
            return export_wikinews.article_text(doc)
        return export_10kgnad.article_text(self.rows[export_10kgnad.row_of(art)][1])


def build(tsvs: list[Path], rows: "list[tuple[str, str]] | Texts", split: dict[str, str], stories: dict[str, str]):
    out: dict[str, list[dict]] = {h: [] for h in dict.fromkeys(split.values())}
    neg: dict[str, list[dict]] = {h: [] for h in out}
    texts = rows if isinstance(rows, Texts) else Texts(rows)
    for tsv in tsvs:
        _read_tsv(tsv, texts, split, stories, out, neg)
    for half in out.values():
        mark_repeats(half)
    return out, neg


def _read_tsv(tsv: Path, texts: Texts, split: dict[str, str], stories: dict[str, str],
              out: dict[str, list[dict]], neg: dict[str, list[dict]]) -> None:
    for ln, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        f = [x.strip() for x in line.split("|")]
        where = f"{tsv.name}:{ln}"
        art = f[1]
        story = stories.get(art)
        if story is None:
            raise ValueError(f"{where}: {art} is in no gold story")
        half = split[story]
        text = texts(art)
        if f[0] == "N":
            if len(f) != 5:
                raise ValueError(f"{where}: a negative has 5 fields, not {len(f)}")
            q, s, e = locate(text, f[2], where)
            neg[half].append({"article": art, "quote": q, "start": s, "end": e, "value": num(f[3]), "why": f[4]})
            continue
        if f[0] != "C" or len(f) != 12:
            raise ValueError(f"{where}: expected C + 11 fields, got {f[0]!r} with {len(f) - 1}")
        _, art, quote, low, high, qual, counted, source, relayed, hedged, group, status = f
        if qual not in QUALIFIERS:
            raise ValueError(f"{where}: unknown qualifier {qual!r}")
        if status not in ("must", "optional"):
            raise ValueError(f"{where}: status must be must/optional, not {status!r}")
        q, s, e = locate(text, quote, where)
        out[half].append({
            "article": art, "story": story, "quote": q, "text": q, "start": s, "end": e,
            "low": num(low), "high": num(high), "qualifier": qual,
            "counted": [c.strip() for c in counted.split(",") if c.strip()],
            "source": "*" if source == "*" else [t.strip() for t in source.split(",") if t.strip()],
            "relayed_by": None if relayed == "-" else [t.strip() for t in relayed.split(",") if t.strip()],
            "hedged": None if hedged == "-" else hedged == "1",
            "group": None if group == "-" else group, "status": status,
        })


NUMBER_WORDS = {"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
                "hundert", "hunderte", "tausend", "tausende", "zehntausende", "dutzend", "dutzende",
                "million", "millionen", "milliarde", "milliarden"}


def written_noun(quote: str) -> str | None:
    """The counted noun as written in a figure phrase: the first capitalised word after the figure
    that is not itself a number word (None for a figure without a noun, `Rund 800`)."""
    words = [w.strip(".,:;()") for w in quote.split()]
    at = next((i for i, w in enumerate(words) if w[:1].isdigit() or w.lower() in NUMBER_WORDS), None)
    if at is None:
        return None
    for w in words[at + 1:]:
        if w[:1].isupper() and w.lower() not in NUMBER_WORDS:
            return w.lower()
    return None


def mark_repeats(claims: list[dict]) -> None:
    """A must-claim that repeats an earlier must-claim of the same article - same bounds, same counted
    noun as written - becomes optional (`repeat_of` names the first): score_claims.py keeps one
    predicted claim per (article, low, high, counted), so the second could never be matched."""
    firsts: dict[tuple, dict] = {}
    for c in claims:
        noun = written_noun(c["quote"])
        if c["status"] != "must" or noun is None:
            continue
        key = (c["article"], c["low"], c["high"], noun)
        if key in firsts:
            c["status"] = "optional"
            c["repeat_of"] = f"{firsts[key]['quote']}@{firsts[key]['start']}"
        else:
            firsts[key] = c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", type=Path, default=export_10kgnad.DEFAULT_CSV)
    ap.add_argument("--gold-dir", type=Path, default=GOLD)
    ap.add_argument("--wikinews-dir", type=Path, default=export_wikinews.DEFAULT_DIR,
                    help="Wikinews quotation corpus split folder (set wn)")
    a = ap.parse_args(argv)
    try:
        rows = export_10kgnad.read_rows(a.csv)
        split_map = json.loads((a.gold_dir / "split.json").read_text(encoding="utf-8"))
        split = {sid: half for half in halves(split_map) for sid in split_map[half]}
        stories = {art: st["id"] for st in export_10kgnad.load_stories(a.gold_dir / "stories.gold.jsonl")
                   for art in st["articles"]}
        out, neg = build(annotation_files(a.gold_dir), Texts(rows, a.wikinews_dir), split, stories)
    except (OSError, ValueError, KeyError) as e:
        print(f"build_realnews_gold: {e}", file=sys.stderr)
        return 2
    for half in out:
        for name, items in ((f"claims.{half}.gold.jsonl", out[half]), (f"negatives.{half}.jsonl", neg[half])):
            with (a.gold_dir / name).open("w", encoding="utf-8") as fh:
                for it in items:
                    fh.write(json.dumps(it, ensure_ascii=False) + "\n")
        print(f"{half}: {sum(c['status'] == 'must' for c in out[half])} must + "
              f"{sum(c['status'] != 'must' for c in out[half])} optional claims, {len(neg[half])} negatives")
    return 0


if __name__ == "__main__":
    sys.exit(main())
