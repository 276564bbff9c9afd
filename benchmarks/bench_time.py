"""Throughput of the time tagger, side by side with dateparser, on real German news.

    .venv/bin/python benchmarks/bench_time.py [--docs 200] [--dateparser-docs 50]

Texts: 10kGNAD test articles (derStandard) from ../shared/data/10kgnad, read in
place. Our tagger runs as the spaCy component on spaCy's blank German tokenizer
(tokenizing included, though a pipeline tokenizes once for all its components)
and as the plain function `find_times` (lagebild-txt); dateparser runs `search_dates(text, languages=['de'])` on a
subset (it is slow) with the same publication date. Accuracy side by side is
benchmarks/krauts_eval.py's job (these texts have no gold).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GNAD = ROOT.parent / "shared" / "data" / "10kgnad" / "test.csv"
DCT = "2016-05-15"          # the corpus is from 2015-2016; any fixed date serves for timing


def texts(n: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with GNAD.open(encoding="utf-8") as f:
        rows = [r[1].strip("'") for r in csv.reader(f, delimiter=";", quotechar="'") if len(r) >= 2]
    return rows[:n]


def bench_ours(docs: list[str]) -> tuple[float, int]:
    import spacy

    import lagebild.extract.time  # noqa: F401

    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_times")
    found = 0
    t0 = time.perf_counter()
    for text in docs:
        doc = nlp.make_doc(text)
        doc._.dct = DCT
        found += len(nlp(doc)._.times)
    return time.perf_counter() - t0, found


def bench_text_api(docs: list[str]) -> tuple[float, int]:
    """`find_times` straight on the text: what the component costs on top of spaCy's tokenizer."""
    from lagebild.extract.time import find_times

    t0 = time.perf_counter()
    found = sum(len(find_times(text, DCT)) for text in docs)
    return time.perf_counter() - t0, found


def bench_dateparser(docs: list[str]) -> tuple[float, int]:
    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(DCT)
    search_dates("Aufwärmen am 1. Mai 2016.", languages=["de"])   # its first call loads language data
    found = 0
    t0 = time.perf_counter()
    for text in docs:
        found += len(search_dates(text, languages=["de"], settings={"RELATIVE_BASE": base}) or [])
    return time.perf_counter() - t0, found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--dateparser-docs", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3, help="runs of our tagger (median reported)")
    args = ap.parse_args(argv)
    if not GNAD.exists():
        print(f"10kGNAD not found at {GNAD}", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    docs = texts(args.docs)
    chars = sum(map(len, docs))
    runs = [bench_ours(docs) for _ in range(args.repeat)]
    ours_s, ours_n = statistics.median(r[0] for r in runs), runs[0][1]
    sub = docs[: args.dateparser_docs]
    sub_chars = sum(map(len, sub))
    ours_sub_s, ours_sub_n = bench_ours(sub)
    txt_s, txt_n = min(bench_text_api(sub) for _ in range(args.repeat))
    dp_s, dp_n = bench_dateparser(sub)
    print(f"{'system':<12} {'docs':>5} {'chars':>9} {'found':>6} {'seconds':>8} {'docs/s':>8} {'kchars/s':>9}")
    print(f"{'lagebild':<12} {len(docs):5d} {chars:9d} {ours_n:6d} {ours_s:8.2f} {len(docs) / ours_s:8.1f} {chars / ours_s / 1000:9.0f}")
    print(f"{'lagebild':<12} {len(sub):5d} {sub_chars:9d} {ours_sub_n:6d} {ours_sub_s:8.2f} {len(sub) / ours_sub_s:8.1f} {sub_chars / ours_sub_s / 1000:9.0f}")
    print(f"{'lagebild-txt':<12} {len(sub):5d} {sub_chars:9d} {txt_n:6d} {txt_s:8.2f} {len(sub) / txt_s:8.1f} {sub_chars / txt_s / 1000:9.0f}")
    print(f"{'dateparser':<12} {len(sub):5d} {sub_chars:9d} {dp_n:6d} {dp_s:8.2f} {len(sub) / dp_s:8.1f} {sub_chars / dp_s / 1000:9.0f}")
    print(f"speed on the same {len(sub)} documents: lagebild is {dp_s / ours_sub_s:.1f}x dateparser as a spaCy component "
          f"(tokenizing included), {dp_s / txt_s:.1f}x through find_times on the text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
