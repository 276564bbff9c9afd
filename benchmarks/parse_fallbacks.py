"""How often the claims step read a figure by the parse and how often a stand-in decided where the parse was wrong
or gave nothing: the counters `extract.claims.COUNTED_STATS` (the counted noun past an extended attribute),
`extract.modality.STATS` (a figure's clause) and `extract.attribution.FIGURE_STATS` (a figure's speaker), over
the articles given (files or folders of .txt).

    PYTHONPATH=src python benchmarks/parse_fallbacks.py $(python scripts/score_realnews.py --half dev --print-paths)
"""
from __future__ import annotations

import sys
from pathlib import Path


def main(paths: list[str]) -> None:
    from lagebild.extract import attribution, modality
    from lagebild.extract import claims as claims_step
    from lagebild.pipeline import build_nlp

    nlp = build_nlp()
    files = [f for p in map(Path, paths) for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p])]
    for f in files:
        doc = nlp.make_doc(f.read_text(encoding="utf-8"))
        doc._.article_id = f.name
        nlp(doc)
    print(f"parse_fallbacks: {len(files)} articles")
    for name, stats in (("counted noun past an attribute", claims_step.COUNTED_STATS),
                        ("figure's clause (modality)", modality.STATS),
                        ("figure's speaker", attribution.FIGURE_STATS)):
        print(f"{name}: " + (", ".join(f"{k} {v}" for k, v in sorted(stats.items())) or "none"))


if __name__ == "__main__":
    main(sys.argv[1:])
