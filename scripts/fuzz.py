"""Fuzz lagebild's readers and analysis pipeline: a seeded mutator over real texts (issue 20).

    python scripts/fuzz.py --n 100000 [--seed 1] [--jobs 2] [--pipeline-every 20] [--out out/fuzz]   (`make fuzz`)

Each input is a real article (examples/korridor, tests/data/ingest) put into one of the
formats the readers take (.txt .md .jsonl .json .html) and mutated at the byte or
structure level: flipped and inserted bytes (NUL, invalid UTF-8, BOMs, escape sequences,
bidi controls, lone surrogate escapes, Rich markup, deep JSON nesting, huge and negative
numbers), deleted, repeated and spliced spans, other encodings, wrong JSON types. Every
input is read through `read_paths`; every `pipeline_every`-th article read goes through the
whole analysis pipeline (all extractors and the cross-article steps), in batches. With --jobs k,
k processes share the inputs, job i with seed + i.

A reader must yield only Articles and ArticleErrors, each error one line naming its input;
the pipeline must not raise. Anything else is an uncaught exception: counted by kind, the
first examples saved to --out so that they can be replayed. Exit status 1 if there was one.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = (".txt", ".md", ".jsonl", ".json", ".html")
TOKENS = [
    b"\x00", b"\xff", b"\xfe", b"\xc3", b"\xe2\x80", b"\xef\xbb\xbf", b"\xff\xfe", b"\x1b[31m", b"\x1b]0;x\x07",
    b"\r", b"\r\n", b"\t", b"\x0c", "\u202e".encode(), "\u200b".encode(), "\u0308".encode(), "\U0001d518".encode(),
    "\u2028".encode(), b"\\ud800", b"\\udfff", b"\\u0000", b"[/]", b"[bold]", b"[link=x]", b'"', b"{", b"[", b"}",
    b"]", b",", b":", b"<script>alert(1)</script>", b"<!--", b"</p>", b"<p>", b"<br>", b"&amp;", b"&#0;", b"-5 ",
    b"10^50 ", b"1e308", b"9" * 400, b" 0,000001 ", "\u2013".encode(), "\u201e".encode(), b"date 2025-13-45 ",
    b"---\n", b"# ", b"**", b"Anzeige\n", b"Quelle: dpa\n", b"\n\n\n", b" " * 200, "Ü".encode("cp1252"),
    "ä".encode("utf-16-le"),
]


def corpus() -> list[str]:
    """Real article texts shipped with the repository (invented news, no corpus text)."""
    texts = []
    for folder in (ROOT / "examples" / "korridor", ROOT / "tests" / "data" / "ingest"):
        for p in sorted(folder.rglob("*")):
            if not p.is_file():
                continue
            raw = p.read_bytes().decode("utf-8", "replace")
            if p.suffix in (".jsonl",):
                for line in raw.splitlines():
                    try:
                        obj = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                        texts.append(obj["text"])
            elif p.suffix in (".txt", ".md", ".text", ".markdown"):
                texts.append(raw)
            elif p.suffix == ".html":
                import re

                texts.append(re.sub(r"<[^>]+>", " ", raw))
    return [t for t in texts if t.strip()]


# --- making inputs ------------------------------------------------------------------------------------


def wrap(rng: random.Random, text: str, fmt: str) -> bytes:
    """A text as a file of the format, with a chance of wrong structure."""
    title, _, body = text.strip().partition("\n")
    if fmt == ".txt":
        head = f" date {rng.choice(['2025-06-17', '2025-06', '1999', 'xx'])} " if rng.random() < 0.3 else ""
        return (head + text).encode()
    if fmt == ".md":
        fm = f"---\ntitle: {title}\ndate: {rng.choice(['2025-06-17', 'gestern', ''])}\n---\n" if rng.random() < 0.5 else ""
        return (fm + "# " + text).encode()
    if fmt == ".html":
        paras = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
        return (f"<!DOCTYPE html><html><head><title>{title}</title><meta property='og:site_name' content='X'>"
                f"</head><body><nav>Menü</nav><article><h1>{title}</h1>{paras}</article></body></html>").encode()
    record: dict = {"id": f"r{rng.randrange(1000)}", "title": title, "text": body or text,
                    "published": rng.choice(["2025-06-17T10:00:00Z", "2025-06", None, 5, "morgen"]),
                    "outlet": rng.choice(["Beispiel-Zeitung", {"name": "X"}, None, 3.5]),
                    "url": rng.choice(["https://example.org/a", None, ["x"]])}
    if rng.random() < 0.2:   # wrong types where text, id and title go
        key = rng.choice(["text", "id", "title"])
        record[key] = rng.choice([None, 42, [record[key]], {"x": record[key]}, "", True])
    if fmt == ".jsonl":
        other = {"id": f"o{rng.randrange(1000)}", "text": text[: rng.randrange(1, len(text) + 1)]}
        lines = [json.dumps(record, ensure_ascii=rng.random() < 0.5), json.dumps(other)]
        rng.shuffle(lines)
        return ("\n".join(lines) + rng.choice(["\n", "", "\r\n"])).encode()
    obj = record if rng.random() < 0.5 else [record, {"text": text[:200]}]
    return json.dumps(obj, ensure_ascii=rng.random() < 0.5).encode()


def mutate(rng: random.Random, data: bytes, texts: list[str]) -> bytes:
    """1-4 mutations of the bytes."""
    for _ in range(rng.randint(1, 4)):
        n = len(data)
        op = rng.randrange(10)
        pos = rng.randrange(n + 1) if n else 0
        if op == 0 and n:                      # flip bytes
            b = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(n)
                b[i] ^= rng.randrange(1, 256)
            data = bytes(b)
        elif op in (1, 2):                     # insert a nasty token
            data = data[:pos] + rng.choice(TOKENS) * rng.choice([1, 1, 1, 3, 50]) + data[pos:]
        elif op == 3 and n:                    # delete a span
            end = min(n, pos + rng.randint(1, 400))
            data = data[:pos] + data[end:]
        elif op == 4 and n:                    # repeat a span
            end = min(n, pos + rng.randint(1, 80))
            data = data[:pos] + data[pos:end] * rng.randint(2, 60) + data[end:]
        elif op == 5:                          # truncate
            data = data[:pos]
        elif op == 6:                          # splice in another text
            other = rng.choice(texts).encode()
            a = rng.randrange(len(other) + 1)
            data = data[:pos] + other[a:a + rng.randint(1, 500)] + data[pos:]
        elif op == 7:                          # another encoding
            text = data.decode("utf-8", "replace")
            enc = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "utf-8-sig", "utf-32"])
            data = text.encode(enc, "replace")
        elif op == 8:                          # deep nesting
            k = rng.choice([10, 1000, 100_000])
            data = data[:pos] + b"[" * k + b"1" + b"]" * rng.choice([k, 0]) + data[pos:]
        else:                                  # numbers: negative, huge, powers
            data = data[:pos] + rng.choice([b"-5 Panzer", b"10^50 Soldaten", b"1.000.000.000.000.000 Tote",
                                            b"-0,5 Prozent", b"2**64 ", b"1e-400 "]) + data[pos:]
    return data[: 400_000]


# --- running ----------------------------------------------------------------------------------------------


def run(n: int, seed: int = 1, pipeline_every: int = 10, nlp=None, out: Path | None = None,
        progress: Callable[[int, Counter], None] | None = None, pipeline_chars: int = 20_000) -> Counter:
    """Fuzz n inputs; returns counts: inputs, articles, errors, analysed, uncaught (+ uncaught kinds).

    Articles longer than pipeline_chars are read (limits and all) but not analysed: time, not coverage."""
    from lagebild.ingest.readers import read_paths
    from lagebild.model import Article, ArticleError
    from lagebild.pipeline import ALL, analyse

    rng = random.Random(seed)
    texts = corpus()
    counts: Counter = Counter()
    examples = 0
    batch: list = []

    def uncaught(kind: str, data: bytes | None, fmt: str, tb: str) -> None:
        nonlocal examples
        counts["uncaught"] += 1
        counts[f"uncaught {kind}"] += 1
        if out is not None and examples < 50:
            out.mkdir(parents=True, exist_ok=True)
            if data is not None:
                (out / f"case{examples:03d}{fmt}").write_bytes(data)
            (out / f"case{examples:03d}.txt").write_text(tb, encoding="utf-8", errors="replace")
            examples += 1

    def flush() -> None:
        if not batch:
            return
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = analyse(list(batch), ALL, nlp=nlp)
            counts["analysed"] += len(result.articles)
            counts["analysis errors"] += len(result.errors)
        except Exception as e:  # noqa: BLE001 - what we are here to find
            uncaught(f"pipeline {type(e).__name__}", None, "", traceback.format_exc())
        batch.clear()

    with tempfile.TemporaryDirectory(prefix="lagebild-fuzz-") as tmp:
        for i in range(n):
            fmt = rng.choice(FORMATS)
            data = mutate(rng, wrap(rng, rng.choice(texts), fmt), texts)
            path = Path(tmp) / f"input{fmt}"
            path.write_bytes(data)
            counts["inputs"] += 1
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    items = list(read_paths([path]))
            except Exception as e:  # noqa: BLE001
                uncaught(f"reader {type(e).__name__}", data, fmt, traceback.format_exc())
                continue
            for item in items:
                if isinstance(item, ArticleError):
                    counts["errors"] += 1
                    if "\n" in item.problem or "\n" in item.article or not item.article:
                        uncaught("error not one line", data, fmt, repr(item))
                elif isinstance(item, Article):
                    counts["articles"] += 1
                    if counts["articles"] % pipeline_every == 0 and len(item.text) <= pipeline_chars:
                        batch.append(item)
                        if len(batch) >= 32:
                            flush()
                else:
                    uncaught("reader yielded " + type(item).__name__, data, fmt, repr(item))
            if progress and (i + 1) % 1000 == 0:
                progress(i + 1, counts)
        flush()
    return counts


def _job(args: tuple[int, int, int, int, Path]) -> Counter:
    n, seed, every, job, out = args
    from lagebild import nlp as nlp_pkg

    t0 = time.monotonic()

    def progress(i: int, c: Counter) -> None:
        print(f"[job {job}] {i:>7} inputs  {c['articles']} articles  {c['errors']} errors  {c['analysed']} analysed  "
              f"{c['uncaught']} uncaught  ({time.monotonic() - t0:.0f} s)", flush=True)

    return run(n, seed, every, nlp=nlp_pkg.load(), out=out / f"job{job}", progress=progress)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=1, help="processes; job i fuzzes its share with seed + i")
    ap.add_argument("--pipeline-every", type=int, default=20, help="every k-th article read is analysed")
    ap.add_argument("--out", type=Path, default=Path("out/fuzz"), help="where the first failing inputs go")
    args = ap.parse_args()
    t0 = time.monotonic()
    shares = [args.n // args.jobs + (i < args.n % args.jobs) for i in range(args.jobs)]
    work = [(k, args.seed + i, args.pipeline_every, i, args.out) for i, k in enumerate(shares)]
    if args.jobs == 1:
        results = [_job(work[0])]
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(_job, work))
    counts: Counter = sum(results, Counter())
    seeds = ", ".join(str(args.seed + i) for i in range(args.jobs))
    print(f"fuzz: {counts['inputs']} inputs (seeds {seeds}): {counts['articles']} articles read, "
          f"{counts['errors']} inputs rejected with a one-line error, {counts['analysed']} articles analysed "
          f"({counts['analysis errors']} analysis errors recorded); uncaught exceptions: {counts['uncaught']} "
          f"({time.monotonic() - t0:.0f} s)")
    for k, v in sorted(counts.items()):
        if k.startswith("uncaught "):
            print(f"  {k}: {v}")
    sys.exit(1 if counts["uncaught"] else 0)


if __name__ == "__main__":
    main()
