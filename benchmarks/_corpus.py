"""German news articles for the build benchmarks, read from ../shared/data (never copied here).

`articles(n)`: the 1,028 texts of 10kGNAD's test.csv (derStandard), each once; past 1,028 each further
article is a new mix: the first half of one text's sentences and the second half of another's, every
number changed and every capitalised word after the first of a sentence given another ending, so that
near-duplicate folding (MinHash over word shingles) keeps them apart and the dossier holds ever new names.
"""
from __future__ import annotations

import csv
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
GNAD = DATA / "10kgnad" / "test.csv"
ENDINGS = ["ak", "ert", "ini", "owa", "esch", "ul", "and", "ik", "ov", "el"]


def texts() -> list[tuple[str, str]]:
    """(section, text) of each 10kGNAD test article."""
    if not GNAD.exists():
        sys.exit(f"no corpus at {GNAD}: this benchmark needs ../shared/data")
    csv.field_size_limit(10**8)
    with GNAD.open(encoding="utf-8") as f:
        return [(r[0], r[1].strip()) for r in csv.reader(f, delimiter=";", quotechar="'") if len(r) > 1 and r[1].strip()]


def _varied(text: str, rng: random.Random, k: int) -> str:
    text = re.sub(r"\d+", lambda m: str(rng.randint(2, 10 ** len(m.group()) - 1)), text)
    ending = ENDINGS[k % len(ENDINGS)] + ENDINGS[(k // len(ENDINGS)) % len(ENDINGS)]
    return re.sub(r"(?<=[a-zäöüß,] )([A-ZÄÖÜ][a-zäöüß]{3,})\b",
                  lambda m: m.group(1) + ending if rng.random() < 0.5 else m.group(1), text)


def records(n: int, seed: int = 7) -> list[dict]:
    """n JSON records (id, title, text, outlet, published) as our readers take them."""
    base = texts()
    rng = random.Random(seed)
    out = []
    for i in range(n):
        if i < len(base):
            text = base[i][1]
        else:
            a, b = rng.sample(range(len(base)), 2)
            sa = re.split(r"(?<=[.!?]) ", base[a][1])
            sb = re.split(r"(?<=[.!?]) ", base[b][1])
            text = _varied(" ".join(sa[: max(1, len(sa) // 2)] + sb[len(sb) // 2:]), rng, i // len(base))
        title = text.split(". ")[0][:120]
        day = date(2025, 1, 1) + timedelta(days=i % 365)
        out.append({"id": f"gnad-{i:05d}", "title": title, "text": text, "outlet": "derStandard",
                    "published": day.isoformat()})
    return out


def articles(n: int, seed: int = 7):
    from lagebild.ingest.readers import from_record

    return [from_record(r, r["id"], "benchmark record") for r in records(n, seed)]
