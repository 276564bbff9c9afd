"""KRAUTS: our time tagger, HeidelTime and dateparser scored side by side (TempEval-3 style).

    .venv/bin/python benchmarks/krauts_eval.py [--no-dateparser] [--errors N] [--corpus DieZeit]

Reads ../shared/data/krauts (192 German news documents with gold TIMEX3). Our tagger
and dateparser read the corpus' raw-text files with the gold publication date;
HeidelTime's own output files (shipped with the corpus) are scored as they are.
Nothing of the corpus is copied into the repository.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

from lagebild.extract.timex_eval import Counts, Timex, TmlDoc, errors, read_tml, same_text, score

ROOT = Path(__file__).resolve().parents[1]
KRAUTS = ROOT.parent / "shared" / "data" / "krauts" / "KRAUTS"
CORPORA = ("DieZeit", "Dolomiten-100", "Dolomiten-42")


def load(corpus: str) -> tuple[dict[str, TmlDoc], dict[str, TmlDoc], dict[str, TmlDoc]]:
    """gold, raw text, HeidelTime output for one sub-corpus, keyed by document."""
    out = []
    for suffix in ("", "_raw-text", "_Heideltime"):
        folder = KRAUTS / f"KRAUTS_{corpus}{suffix}"
        out.append({p.name: read_tml(p) for p in sorted(folder.glob("*.tml"))})
    return out[0], out[1], out[2]


TOKENIZE = Counter()  # seconds spaCy's tokenizer took for our runs (inside the times reported)


def run_ours(raw: dict[str, TmlDoc]) -> tuple[dict[str, tuple[list[Timex], str]], float]:
    """The lagebild_times component on spaCy's blank German tokenizer; seconds include tokenizing."""
    import spacy

    import lagebild.extract.time  # noqa: F401  (registers the factory)

    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_times")
    out = {}
    t0 = time.perf_counter()
    for name, d in raw.items():
        t1 = time.perf_counter()
        doc = nlp.make_doc(d.text)
        TOKENIZE["lagebild"] += time.perf_counter() - t1
        doc._.dct = d.dct
        doc._.article_id = name
        doc = nlp(doc)
        out[name] = ([Timex(t.start, t.end, t.text, t.type, t.value, t.mod) for t in doc._.times], d.text)
    return out, time.perf_counter() - t0


def run_text_api(raw: dict[str, TmlDoc]) -> tuple[dict[str, tuple[list[Timex], str]], float]:
    """`find_times(text, dct)` straight on the text, no spaCy (extents not snapped to tokens)."""
    from lagebild.extract.time import find_times

    out = {}
    t0 = time.perf_counter()
    for name, d in raw.items():
        found = find_times(d.text, d.dct, name)
        out[name] = ([Timex(t.start, t.end, t.text, t.type, t.value, t.mod) for t in found], d.text)
    return out, time.perf_counter() - t0


def _dp_value(date: dt.datetime, period: str | None) -> tuple[str, str]:
    if period == "year":
        return f"{date.year:04d}", "DATE"
    if period == "month":
        return f"{date.year:04d}-{date.month:02d}", "DATE"
    if period == "week":
        y, w, _ = date.isocalendar()
        return f"{y:04d}-W{w:02d}", "DATE"
    if period == "time":
        return date.strftime("%Y-%m-%dT%H:%M"), "TIME"
    return date.date().isoformat(), "DATE"


def run_dateparser(raw: dict[str, TmlDoc]) -> tuple[dict[str, tuple[list[Timex], str]], float]:
    """dateparser.search.search_dates(languages=['de']) relative to the DCT; its own period gives the value's precision."""
    from dateparser import DateDataParser
    from dateparser.search import search_dates

    out = {}
    elapsed = 0.0
    for name, d in raw.items():
        base = dt.datetime.fromisoformat(d.dct) if d.dct else None
        settings = {"RELATIVE_BASE": base} if base else {}
        t0 = time.perf_counter()
        found = search_dates(d.text, languages=["de"], settings=settings) or []
        elapsed += time.perf_counter() - t0
        parser = DateDataParser(languages=["de"], settings=settings)
        timexes, pos = [], 0
        for substring, date in found:
            start = d.text.find(substring, pos)
            if start < 0:
                continue
            pos = start + len(substring)
            period = parser.get_date_data(substring).period
            value, typ = _dp_value(date, period)
            timexes.append(Timex(start, pos, substring, typ, value))
        out[name] = (timexes, d.text)
    return out, elapsed


def row(name: str, c: Counts, seconds: float | None, chars: int) -> str:
    s = c.scores()
    speed = f"{seconds:7.2f} {chars / seconds / 1000:8.0f}" if seconds else f"{'-':>7} {'-':>8}"
    return (f"{name:<12} {c.gold:5d} {c.system:5d}  {s['strict_p']:.3f} {s['strict_r']:.3f} {s['strict_f1']:.3f}  "
            f"{s['lenient_p']:.3f} {s['lenient_r']:.3f} {s['lenient_f1']:.3f}  {s['type_acc']:.3f} {s['value_acc']:.3f}"
            f"  {s['type_f1']:.3f} {s['value_f1']:.3f}  {speed}")


HEADER = (f"{'system':<12} {'gold':>5} {'sys':>5}  {'strict P/R/F1':<17}  {'lenient P/R/F1':<17}  {'acc type/value':<11}"
          f"  {'F1 type/value':<11}  {'seconds':>7} {'kchars/s':>8}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=CORPORA, action="append", help="sub-corpus (default: all three)")
    ap.add_argument("--no-dateparser", action="store_true", help="skip dateparser (slow)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print N of our errors (missed, spurious, wrong value)")
    args = ap.parse_args(argv)
    if not KRAUTS.is_dir():
        print(f"KRAUTS not found at {KRAUTS}", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    totals: dict[str, Counts] = {}
    seconds: Counter[str] = Counter()
    chars = 0
    err_kinds: Counter[str] = Counter()
    shown = 0
    for corpus in args.corpus or CORPORA:
        gold, raw, heidel = load(corpus)
        mismatched = [n for n in gold if n in raw and not same_text(gold[n].text, raw[n].text)]
        if mismatched:
            print(f"warning: {len(mismatched)} raw texts differ from the gold text in {corpus}", file=sys.stderr)
        n_chars = sum(len(d.text) for d in raw.values())
        chars += n_chars
        systems = {"HeidelTime": ({n: (d.timexes, d.text) for n, d in heidel.items()}, None)}
        systems["lagebild"] = run_ours(raw)
        systems["lagebild-txt"] = run_text_api(raw)
        if not args.no_dateparser:
            systems["dateparser"] = run_dateparser(raw)
        print(f"\n{corpus}: {len(gold)} documents, {sum(len(d.timexes) for d in gold.values())} gold TIMEX3, {n_chars} chars")
        print(HEADER)
        for name, (out, secs) in systems.items():
            c = score(gold, out)
            print(row(name, c, secs, n_chars))
            totals.setdefault(name, Counts()).add(c)
            if secs:
                seconds[name] += secs
        ours = systems["lagebild"][0]  # error listing: the spaCy component's output
        for n, g in gold.items():
            for kind, gt, st in errors(g.timexes, g.text, *ours.get(n, ([], g.text))):
                err_kinds[kind] += 1
                if shown < args.errors:
                    shown += 1
                    at = (gt or st).start
                    around = " ".join(g.text[max(0, at - 70):at + 50].split()) if gt else " ".join(ours[n][1][max(0, at - 70):at + 50].split())
                    print(f"  {kind:<8} {n[:24]:<24} gold={gt and (gt.text, gt.type, gt.value)} ours={st and (st.text, st.type, st.value)}\n           | {around}")
    print(f"\nall KRAUTS ({chars} chars)")
    print(HEADER)
    for name, c in totals.items():
        print(row(name, c, seconds.get(name), chars))
    print(f"\nour errors: {dict(err_kinds)}")
    tok = TOKENIZE["lagebild"]
    print(f"lagebild: {seconds['lagebild']:.2f} s, of which spaCy tokenizing {tok:.2f} s, the time component {seconds['lagebild'] - tok:.2f} s")
    if "dateparser" in seconds:
        print(f"speed: lagebild is {seconds['dateparser'] / seconds['lagebild']:.1f}x dateparser's search_dates as a spaCy "
              f"component (tokenizing included), {seconds['dateparser'] / seconds['lagebild-txt']:.1f}x through "
              f"find_times on the text")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
