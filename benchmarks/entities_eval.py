"""Persons and places on real news: how many of those a reader lists are wrong or missing.

    python benchmarks/entities_eval.py [--articles out/realnews] [--split dev|heldout|all|<any half>] [--src DIR]
                                       [--article gnad-NNNN.txt ...] [-v]

(halves: those of split.json with entity gold, e.g. dev-places / heldout-places.)

The gold is `tests/data/realnews/entities.gold.jsonl` (written by reading, before running; its
conventions in tests/data/realnews/README.md). The articles come from `scripts/export_10kgnad.py
--stories tests/data/realnews/stories.gold.jsonl --out out/realnews` (one folder per story).

Two runs per half: each gold article alone, and each story's gold articles together (so that a
name said in full in one article and by surname in another is one entity). Per article, the
entities with a mention in it are compared with the gold:

- persons: a gold person is found when a PER entity goes by its name (normalised: case, accents,
  hyphens) or, the full name being given, by its surname alone; a PER entity that matches no gold
  person is wrong (a landmark, band or place typed as a person is wrong here and missing as a place);
- places: a gold place is found when a LOC/GPE entity goes by its name (or an alias) and lies in its
  country (`A|B`: either); in another country it is wrong-country, with no country unresolved,
  else missing. Places not in the gold are printed as `extra` (an adjective's country, a place the
  gold leaves out) and are not counted in the headline.

Headline per half and run: `persons+places wrong or missing: X%` = (persons wrong + missing + places
wrong-country + unresolved + missing) / (gold persons + gold places).

--src runs another checkout's code (e.g. before a change). Never tune on held-out: run it, report it.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
import warnings
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "realnews"
PLACE_TYPES = ("LOC", "GPE")


def norm(name: str) -> str:
    """Case, accents, ß, dotless i and hyphens folded away (an inflected name such as "Flanderns" stays wrong)."""
    s = name.replace("ß", "ss").replace("ı", "i").replace("-", " ").replace("–", " ")
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return " ".join(s.casefold().split())


def variants(entity, article: str) -> set[str]:
    """All the names an entity goes by in one article (its name, aliases, what the article says)."""
    names = {entity.name, *entity.aliases}
    names |= {m.text for m in entity.mentions if m.article == article}
    return {norm(n) for n in names if n}


PARTICLES = {"van", "von", "de", "der", "den", "zu", "da", "di", "la", "le", "al", "el", "bin", "ibn"}


def person_keys(gold: str) -> set[str]:
    """The full name and the surname (with its particles: 'Van der Bellen'); an initial is no surname."""
    full = norm(gold)
    parts = full.split()
    if len(parts) < 2 or parts[-1].endswith("."):
        return {full}
    k = len(parts) - 1
    while k > 1 and parts[k - 1] in PARTICLES:
        k -= 1
    return {full, " ".join(parts[k:]), parts[-1]}


def score_persons(gold: list[str], preds: list, article: str, c: Counter, notes: list[str]) -> None:
    found = set()
    for e in preds:
        v = variants(e, article)
        hits = [g for g in gold if v & person_keys(g)]
        if hits:
            found.update(hits)
        else:
            c["persons wrong"] += 1
            notes.append(f"  person wrong: {e.name!r}")
    for g in gold:
        if g in found:
            c["persons found"] += 1
        else:
            c["persons missing"] += 1
            notes.append(f"  person missing: {g!r}")


def score_places(gold: list[dict], preds: list, article: str, c: Counter, notes: list[str]) -> None:
    used = set()
    for g in gold:
        names = {norm(g["name"]), *(norm(a) for a in g.get("aliases", []))}
        countries = set(g["country"].split("|"))
        cands = [e for e in preds if variants(e, article) & names]
        used.update(id(e) for e in cands)
        right = [e for e in cands if e.country in countries]
        if right:
            c["places found"] += 1
        elif any(e.country for e in cands):
            c["places wrong-country"] += 1
            notes.append(f"  place wrong country: {g['name']!r} -> {[(e.name, e.country) for e in cands]}")
        elif cands:
            c["places unresolved"] += 1
            notes.append(f"  place unresolved: {g['name']!r}")
        else:
            c["places missing"] += 1
            notes.append(f"  place missing: {g['name']!r} ({g['kind']})")
    for e in preds:
        if id(e) not in used:
            c["places extra"] += 1
            notes.append(f"  place extra: {e.name!r} {e.type} {e.country}")


def score_article(g: dict, entities: list, c: Counter, notes: list[str]) -> None:
    art = g["article"]
    here = [e for e in entities if any(m.article == art for m in e.mentions)]
    score_persons(g["persons"], [e for e in here if e.type == "PER"], art, c, notes)
    score_places(g["places"], [e for e in here if e.type in PLACE_TYPES], art, c, notes)


def headline(c: Counter) -> float:
    bad = sum(c[k] for k in ("persons wrong", "persons missing", "places wrong-country",
                             "places unresolved", "places missing"))
    total = c["persons found"] + c["persons missing"] + sum(
        c[k] for k in ("places found", "places wrong-country", "places unresolved", "places missing"))
    return 100.0 * bad / max(total, 1)


def run_half(gold: list[dict], folder: Path, together: bool, verbose: bool) -> Counter:
    from lagebild.pipeline import run

    groups: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        groups[g["story"] if together else g["article"]].append(g)
    c: Counter = Counter()
    for gs in groups.values():
        paths = []
        for g in gs:
            p = folder / g["story"] / g["article"]
            if not p.is_file():
                raise SystemExit(f"entities_eval: no {p} (run scripts/export_10kgnad.py --stories ...)")
            paths.append(p)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = run(paths, ["entities"])
        for g in gs:
            notes: list[str] = []
            score_article(g, result.entities, c, notes)
            if verbose and notes:
                print(f"{g['article']} ({g['story']}):\n" + "\n".join(notes))
    return c


def report(half: str, mode: str, c: Counter) -> None:
    print(f"[{half}, {mode}] persons found {c['persons found']} / wrong {c['persons wrong']} / "
          f"missing {c['persons missing']}; places found {c['places found']} / wrong-country "
          f"{c['places wrong-country']} / unresolved {c['places unresolved']} / missing {c['places missing']}"
          f" (extra {c['places extra']})")
    print(f"[{half}, {mode}] persons+places wrong or missing: {headline(c):.1f}%")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=Path, default=ROOT / "out" / "realnews")
    ap.add_argument("--split", default="dev", help="a half (the `half` of entities.gold.jsonl), or all = dev + heldout")
    ap.add_argument("--src", type=Path, help="the src/ directory of the code to run (default: this checkout)")
    ap.add_argument("--article", action="append", help="only these gold articles (gnad-NNNN.txt; repeatable)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(args.src or ROOT / "src"))
    gold = [json.loads(line) for line in (GOLD / "entities.gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    halves = ("dev", "heldout") if args.split == "all" else (args.split,)
    for half in halves:
        gs = [g for g in gold if g["half"] == half and (not args.article or g["article"] in args.article)]
        for together in (False, True):
            mode = "story together" if together else "article alone"
            if args.verbose:
                print(f"--- {half}, {mode}")
            report(half, mode, run_half(gs, args.articles, together, args.verbose))


if __name__ == "__main__":
    main()
