"""The German news quotation attribution corpus (Petersen-Frey & Biemann, LREC-COLING 2024; CC BY-NC-SA
4.0): reader and scorer, shared by ``benchmarks/attribution_eval.py`` and the training of the learned
attribution component. Nothing of the corpus is copied into the repository; it is read from
``../shared/data/german_news_quotation_attribution_2024/``.
"""
from __future__ import annotations

import glob
import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT.parent / "shared" / "data" / "german_news_quotation_attribution_2024" / "data"
TYPES = ("Direct", "Indirect", "Reported", "FreeIndirect", "IndirectFreeIndirect")
ROLES = ("quote", "cue", "speaker")
# The paper's Table of baseline results is not in the corpus snapshot and could not be retrieved offline;
# fill in (role -> (P, R, F1)) when it is at hand. Empty entries print as "n/a".
PAPER_BASELINES: dict[str, dict[str, tuple[float, float, float]]] = {"rule-based": {}, "Citron": {}}


@dataclass
class Quot:
    """One quotation, as sets of corpus token ids."""

    type: str
    quote: frozenset[int]
    cue: frozenset[int] = frozenset()
    speaker: frozenset[int] = frozenset()


@dataclass
class Article:
    name: str
    text: str
    tokens: list[tuple[int, int]]            # char span of each corpus token, by token id
    gold: list[Quot] = field(default_factory=list)

    def ids(self, start: int, end: int) -> frozenset[int]:
        """Corpus tokens that overlap text[start:end]."""
        return frozenset(i for i, (a, b) in enumerate(self.tokens) if a < end and b > start)

    def ids_of(self, spans) -> frozenset[int]:
        """Corpus tokens that overlap any of the char spans."""
        out: frozenset[int] = frozenset()
        for a, b in spans:
            out |= self.ids(a, b)
        return out


def _ids(part: dict | None) -> frozenset[int]:
    return frozenset(part.get("tokenIds") or ()) if part else frozenset()


def load_split(split: str, limit: int | None = None) -> list[Article]:
    files = sorted(glob.glob(str(CORPUS / split / "*.json")))
    if not files:
        raise FileNotFoundError(f"quotation corpus: no files under {CORPUS / split}")
    out = []
    for f in files[:limit]:
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        text = d["originalText"]
        spans: dict[int, tuple[int, int]] = {}
        for s in d["sentences"]:
            pos = s["charBegin"]
            for tid, tok in zip(s["tokenIds"], s["tokens"]):
                k = text.find(tok, pos, s["charEnd"] + 1)
                if k < 0:                       # a token the corpus normalised: keep its place
                    k = pos
                spans[tid] = (k, k + len(tok))
                pos = k + len(tok)
        tokens = [spans.get(i, (0, 0)) for i in range(max(spans) + 1 if spans else 0)]
        gold = [Quot(a.get("type") or "Direct", _ids(a.get("quote")), _ids(a.get("cue")), _ids(a.get("speaker")))
                for a in d["annotations"]]
        out.append(Article(os.path.basename(f), text, tokens, gold))
    return out


# --- scoring ------------------------------------------------------------------------------------


class Tally:
    def __init__(self) -> None:
        self.tp: defaultdict[str | tuple[str, ...], float] = defaultdict(float)
        self.sys: defaultdict[str | tuple[str, ...], float] = defaultdict(float)
        self.gold: defaultdict[str | tuple[str, ...], float] = defaultdict(float)

    def prf(self, key: str) -> tuple[float, float, float]:
        p = self.tp[key] / self.sys[key] if self.sys[key] else 0.0
        r = self.tp[key] / self.gold[key] if self.gold[key] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(system: list[Quot], gold: list[Quot]) -> list[tuple[int, int]]:
    """One-to-one pairs (system index, gold index) by quote-token overlap, largest overlap first."""
    cand = sorted(((len(s.quote & g.quote), i, j) for i, s in enumerate(system) for j, g in enumerate(gold)
                   if s.quote & g.quote), reverse=True)
    used_s, used_g, pairs = set(), set(), []
    for _, i, j in cand:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _span_f1(a: frozenset[int], b: frozenset[int]) -> float:
    both = len(a & b)
    return 2 * both / (len(a) + len(b)) if both else 0.0


def match_as_authors(system: list[Quot], gold: list[Quot]) -> list[tuple[int, int]]:
    """One-to-one pairs (system index, gold index) as the corpus authors' scorer pairs quotations
    (``eval_quotes.assign_messages`` of Petersen-Frey's seq2seq-quotation-attribution, the same group's code): the
    assignment that maximises the summed token F1 of the quote spans, the same type adding 0.01 to a pair that
    overlaps (their tie-break; the medium's 0.001 too, which we do not output). Unlike `match` (largest overlap
    count first, equal overlaps by index), a quotation split in two by us and a span annotated twice are paired as
    a whole. One difference: the authors keep every pair the assignment makes, also one whose quote spans share no
    token (its roles then scored against each other); here such a pair is none, as in `match`."""
    from scipy.optimize import linear_sum_assignment

    if not system or not gold:
        return []
    scores = [[_span_f1(g.quote, s.quote) + (0.01 if g.quote & s.quote and g.type == s.type else 0.0)
               for s in system] for g in gold]
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(i), int(j)) for j, i in zip(rows, cols) if scores[j][i] > 0]


def score_end_to_end(system: list[Quot], gold: list[Quot], tally: Tally, pairing=match) -> None:
    """Counts per role and type (`Tally`): our quotations paired with gold ones by `pairing` (`match`, the figures
    of every session; `match_as_authors`, the corpus authors' pairing, printed beside them since session 30)."""
    pairs = pairing(system, gold)
    paired_type = {i: gold[j].type for i, j in pairs}
    for i, s in enumerate(system):
        t = paired_type.get(i, s.type)        # an unmatched quotation counts against the type it claims
        for role in ROLES:
            if getattr(s, role):
                for key in (t, "all"):
                    tally.sys[(role, key)] += 1
    for g in gold:
        for role in ROLES:
            if getattr(g, role):
                for key in (g.type, "all"):
                    tally.gold[(role, key)] += 1
    for i, j in pairs:
        s, g = system[i], gold[j]
        for role in ROLES:
            a, b = getattr(s, role), getattr(g, role)
            if not a or not b:
                continue
            for key in (g.type, "all"):
                tally.tp[(role, key, "overlap")] += 1 if a & b else 0
                tally.tp[(role, key, "exact")] += 1 if a == b else 0


def score_at_quotation(answers: list[frozenset[int]], gold: list[Quot], tally: Tally) -> None:
    for ans, g in zip(answers, gold):
        for key in (g.type, "all"):
            if ans:
                tally.sys[key] += 1
            if g.speaker:
                tally.gold[key] += 1
            if ans and g.speaker:
                tally.tp[(key, "overlap")] += 1 if ans & g.speaker else 0
                tally.tp[(key, "exact")] += 1 if ans == g.speaker else 0


def _prf(tp: float, sys_n: float, gold_n: float) -> tuple[float, float, float]:
    p = tp / sys_n if sys_n else 0.0
    r = tp / gold_n if gold_n else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


