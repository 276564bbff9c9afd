"""Latency of the dossier app's API on a dossier of 10.000 German news articles.

    python benchmarks/bench_web.py [--articles 10000] [--sample 400] [--requests 200] [--db out/bench_web.db]

How the dossier is made (minutes, not hours): the texts are the German news of
../shared/data (10kGNAD test.csv: 1.028 derStandard articles; the Wikinews
quotation corpus: 998 articles). A sample of them (--sample) goes through the
real build (lagebild.build: reading, cleaning, all available extractors, the
cross-article steps); where the entity/event extractors are not there yet,
the stand-ins of tests/_web_dossier.py fill those tables. The sample's stored
rows are then copied through the Store's API (replace_article, replace_groups,
replace_entities, replace_events) until the dossier holds --articles articles:
copy k of article A is "A~k" with the same text, its publication date moved by
k weeks, its claims, groups and events re-keyed; entities stay one per
real-world thing, so each gets the mentions of all copies. Text offsets stay
exact, because each copy has its original's text.

The load: the app runs under uvicorn on 127.0.0.1 (a free port; nothing else
is contacted); each endpoint gets --requests requests from --clients threads,
with varied offsets and filters so that not every request hits the cache.
Prints p50/p95/max per endpoint and the first (cold) request. Goal: p95 < 100 ms.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "tests"))  # the stand-ins for missing extractors


def read_corpus() -> list[dict]:
    """10kGNAD and Wikinews as JSON records (id, title, text, published, outlet)."""
    csv.field_size_limit(10**8)
    recs = []
    gnad = DATA / "10kgnad" / "test.csv"
    if gnad.exists():
        with gnad.open(encoding="utf-8") as f:
            for i, row in enumerate(csv.reader(f, delimiter=";", quotechar="'")):
                if len(row) < 2 or not row[1].strip():
                    continue
                text = row[1].strip()
                title = text.split(". ")[0][:120]
                day = date(2025, 1, 1) + timedelta(days=i % 365)
                recs.append({"id": f"gnad-{i:05d}", "title": title, "text": text, "outlet": "derStandard",
                             "published": day.isoformat(), "section": row[0]})
    wiki = DATA / "german_news_quotation_attribution_2024" / "data"
    for p in sorted(wiki.rglob("*.json")) if wiki.exists() else []:
        d = json.loads(p.read_text(encoding="utf-8"))
        name = d.get("documentName", p.stem)
        day = name[-11:-1] if name.endswith(")") else None
        title = name.split(" - ", 1)[-1].rsplit(" (", 1)[0]
        recs.append({"id": f"wn-{name.split(' ')[0]}", "title": title, "text": d["originalText"],
                     "outlet": "Wikinews", "published": day})
    if not recs:
        sys.exit(f"no corpus under {DATA}: this benchmark needs ../shared/data")
    return recs


def build_sample(recs: list[dict], n: int, db: Path) -> float:
    from _web_dossier import add_stand_ins

    from lagebild.ingest.readers import from_record
    from lagebild.build import build_articles
    from lagebild.store.sqlite import Store

    rng = random.Random(7)
    sample = rng.sample(recs, min(n, len(recs)))
    articles = [from_record(r, r["id"], "benchmark record") for r in sample]
    t0 = time.monotonic()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = build_articles(articles, db)
    seconds = time.monotonic() - t0
    print(f"sample: {summary.processed} articles analysed by the real build in {seconds:.0f} s "
          f"({', '.join(summary.components)})", flush=True)
    with Store(db) as store:
        add_stand_ins(store)
    return seconds


def scale(sample_db: Path, db: Path, total: int) -> None:
    """Copies of the sample's rows until the dossier holds `total` articles (see the module's doc)."""
    from lagebild.store.sqlite import Store

    for f in db.parent.glob(db.name + "*"):
        f.unlink()
    with Store(sample_db) as src:
        arts = src.articles()
        per = {a.id: (src.sentences(a.id), src.claims(a.id), src.times(a.id), src.mentions(a.id)) for a in arts}
        groups, entities, events = src.groups(), src.entities(), src.events()
        extracted = src.extracted_events()
    copies = -(-total // len(arts))
    t0 = time.monotonic()
    with Store(db, create=True) as out:
        n = 0
        for k in range(copies):
            def rid(x: str) -> str:
                return f"{x}~{k}"

            with out.transaction():  # one transaction per copy round: minutes, not hours
                for a in arts:
                    if n >= total:
                        break
                    sents, claims, times, mentions = per[a.id]
                    pub = a.published
                    if pub and len(pub) >= 10:
                        pub = (date.fromisoformat(pub[:10]) + timedelta(weeks=k)).isoformat()
                    new = replace(a, id=rid(a.id), published=pub, content_hash=f"{a.content_hash}~{k}",
                                  duplicate_of=None)
                    out.replace_article(
                        new,
                        sentences=[replace(s, article=new.id) for s in sents],
                        claims=[replace(c, article=new.id, id=rid(c.id) if c.id else None) for c in claims],
                        times=[replace(t, article=new.id) for t in times],
                        mentions=[replace(m, article=new.id) for m in mentions],
                        events=[replace(e, id=rid(e.id), articles=[rid(x) for x in e.articles])
                                for e in extracted if e.articles[:1] and e.articles[0] == a.id],
                    )
                    n += 1
        done = {a.id for a in out.articles(text=False)}
        known = {r[0] for r in out.db.execute("SELECT id FROM claims")}
        copied = [replace(g, id=f"{g.id}~{k}", members=[f"{m}~{k}" for m in g.members])
                  for k in range(copies) for g in groups]
        out.replace_groups([g for g in copied if any(m in known for m in g.members)])
        out.replace_entities([replace(e, mentions=[replace(m, article=f"{m.article}~{k}") for k in range(copies)
                                                   for m in e.mentions if f"{m.article}~{k}" in done])
                              for e in entities])
        out.replace_events([replace(e, id=f"{e.id}~{k}", articles=[f"{x}~{k}" for x in e.articles],
                                    evidence=[replace(s, article=f"{s.article}~{k}") for s in e.evidence],
                                    figures=[f"{f}~{k}" for f in e.figures],
                                    time=replace(e.time, value=_shift(e.time.value, k)) if e.time else None)
                            for k in range(copies) for e in events if f"{e.articles[0]}~{k}" in done])
        print(f"dossier: {out.counts()} in {time.monotonic() - t0:.0f} s", flush=True)


def _shift(value: str | None, weeks: int) -> str | None:
    if value and len(value) == 10 and value[4] == "-":
        try:
            return (date.fromisoformat(value) + timedelta(weeks=weeks)).isoformat()
        except ValueError:
            return value
    return value


# --- load ----------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as r:
        r.read()
        status = r.status
    return (time.perf_counter() - t0) * 1000, status


def endpoints(base: str, db: Path) -> dict[str, object]:
    """Name -> URL or a function of the request number giving a URL (varied offsets and filters)."""
    from lagebild.store.sqlite import Store

    with Store(db) as s:
        q = lambda sql: [r[0] for r in s.db.execute(sql)]  # noqa: E731
        art_ids = q("SELECT id FROM articles ORDER BY random() LIMIT 200")
        ent_ids = q("SELECT entity FROM mentions WHERE entity IS NOT NULL GROUP BY entity ORDER BY count(*) DESC "
                    "LIMIT 20") or [""]
        outlets = q("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL") or [""]
        kinds = q("SELECT DISTINCT json_extract(measure, '$.kind') FROM claim_groups WHERE measure IS NOT NULL "
                  "LIMIT 20") or [""]
        n_groups = q("SELECT count(*) FROM claim_groups")[0]
        n_articles = q("SELECT count(*) FROM articles")[0]
    words = ["Regierung", "Polizei", "Menschen", "Millionen", "Wien", "Prozent", "Opfer", "Euro"]
    return {
        "GET /api/overview": f"{base}/api/overview",
        "GET /api/groups (pages)": lambda i: f"{base}/api/groups?limit=20&offset={(i * 20) % max(n_groups, 1)}",
        "GET /api/groups?measure&sort": lambda i: f"{base}/api/groups?measure={quote(kinds[i % len(kinds)])}"
                                                  f"&sort=figures&offset={(i // len(kinds)) * 20 % max(n_groups, 1)}",
        "GET /api/figures?outlet&from": lambda i: f"{base}/api/figures?outlet={quote(outlets[i % len(outlets)])}"
                                                  f"&from=2025-0{1 + i % 9}&limit=100&offset={(i * 100) % 5000}",
        "GET /api/events": lambda i: f"{base}/api/events?limit=50&offset={(i * 50) % 5000}",
        "GET /api/timeline": f"{base}/api/timeline",
        "GET /api/map": f"{base}/api/map",
        "GET /api/entities": lambda i: f"{base}/api/entities?limit=50&offset={(i * 50) % 1000}",
        "GET /api/entities/{id}": lambda i: f"{base}/api/entities/{quote(ent_ids[i % len(ent_ids)], safe='')}",
        "GET /api/articles (pages)": lambda i: f"{base}/api/articles?limit=50&offset={(i * 50) % n_articles}",
        "GET /api/articles/{id}": lambda i: f"{base}/api/articles/{quote(art_ids[i % len(art_ids)], safe='')}",
        "GET /api/search": lambda i: f"{base}/api/search?q={quote(words[i % len(words)])}&limit=20",
        "GET / (page)": f"{base}/",
        "GET /figures (page)": lambda i: f"{base}/figures?offset={(i * 20) % max(n_groups, 1)}",
        "GET /articles/{id} (page)": lambda i: f"{base}/articles/{quote(art_ids[i % len(art_ids)], safe='')}",
    }


def load(db: Path, requests: int, clients: int) -> list[tuple[str, float, float, float, float]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "lagebild.cli", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(base + "/favicon.ico")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the app did not start")
                time.sleep(0.2)
        time.sleep(3)  # the app loads its index in the background right after starting
        rows = []
        for name, target in endpoints(base, db).items():
            url_of = target if callable(target) else (lambda i, u=target: u)
            cold, status = get(url_of(0))
            assert status == 200, (name, status)
            lat: list[float] = []
            lock = threading.Lock()

            def one(i: int) -> None:
                ms, st = get(url_of(i))
                assert st == 200, (name, st)
                with lock:
                    lat.append(ms)

            with ThreadPoolExecutor(clients) as pool:  # bounded: `requests` requests, then stop
                list(pool.map(one, range(1, requests + 1)))
            lat.sort()
            p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]  # noqa: E731
            rows.append((name, cold, statistics.median(lat), p(0.95), lat[-1]))
            print(f"{name:34s} cold {cold:7.1f} ms   p50 {rows[-1][2]:6.1f}   p95 {rows[-1][3]:6.1f}   "
                  f"max {rows[-1][4]:6.1f} ms", flush=True)
        return rows
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--sample", type=int, default=400, help="articles analysed by the real build")
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    ap.add_argument("--clients", type=int, default=2, help="concurrent client threads")
    ap.add_argument("--db", type=Path, default=ROOT / "out" / "bench_web.db")
    ap.add_argument("--reuse", action="store_true", help="use an existing --db as it is")
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    if not (args.reuse and args.db.exists()):
        sample_db = args.db.with_name(args.db.stem + "_sample.db")
        for f in sample_db.parent.glob(sample_db.name + "*"):
            f.unlink()
        build_sample(read_corpus(), args.sample, sample_db)
        scale(sample_db, args.db, args.articles)
    from lagebild.store.sqlite import Store
    from lagebild.store import views as queries
    from lagebild.store.catalog import Catalog

    with Store(args.db) as s:
        t0 = time.perf_counter()
        Catalog.load(s.db, queries.version(s.db))
        print(f"index of light columns (store/catalog.py) loads in {(time.perf_counter() - t0) * 1000:.0f} ms "
              "(once per build, in the background at start)", flush=True)
    rows = load(args.db, args.requests, args.clients)
    worst = max(r[3] for r in rows)
    print(f"\nworst p95 {worst:.1f} ms over {len(rows)} endpoints ({args.requests} requests each, "
          f"{args.clients} clients): goal p95 < 100 ms {'met' if worst < 100 else 'NOT met'}")


if __name__ == "__main__":
    main()
