"""TempEval-3 style scoring of TIMEX3 annotations (TimeML ``.tml`` files).

Extraction is scored strict (same extent) and lenient (overlapping extents, one to
one); type and value are scored over the lenient matches, as TempEval-3 does:
attribute F1 = lenient F1 x attribute accuracy (= 2 * correct / (gold + system)).

Extents are compared on offsets that skip whitespace, so a system that read the
same text with different line breaks (HeidelTime's output files do) is scored fairly.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None


@dataclass
class TmlDoc:
    id: str
    dct: str | None
    text: str
    timexes: list[Timex] = field(default_factory=list)


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


def parse_tml(source: str, doc_id: str = "") -> TmlDoc:
    """The text inside <TEXT> (tags removed, entities decoded) and its non-empty TIMEX3s."""
    m = re.search(r"<DCT>.*?value=\"([^\"]+)\".*?</DCT>", source, re.S)
    dct = m.group(1) if m else None
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    if not body:
        raise ValueError(f"{doc_id or 'document'}: no <TEXT> element")
    raw = body.group(1)
    text: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    pos = 0
    for t in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos:t.start()])
        text.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, attrs, selfclosing = t.groups()
        if name != "TIMEX3":
            continue
        if closing:
            start, a = open_timex.pop()
            if length > start:          # empty (non-consuming) TIMEX3s are not extents
                timexes.append(Timex(start, length, "", a.get("type", ""), a.get("value"), a.get("mod")))
        elif not selfclosing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
    text.append(html.unescape(raw[pos:]))
    full = "".join(text)
    for tx in timexes:
        tx.text = full[tx.start:tx.end]
    return TmlDoc(doc_id, dct, full, sorted(timexes, key=lambda x: x.start))


def read_tml(path: str | Path) -> TmlDoc:
    path = Path(path)
    return parse_tml(path.read_text(encoding="utf-8"), path.name.removesuffix(".tml"))


def _nonspace_index(text: str) -> list[int]:
    """For each character offset, how many non-space characters precede it."""
    idx = [0] * (len(text) + 1)
    n = 0
    for i, ch in enumerate(text):
        idx[i] = n
        if not ch.isspace():
            n += 1
    idx[len(text)] = n
    return idx


def _normalised(timexes: Sequence[Timex], text: str) -> list[tuple[int, int, Timex]]:
    idx = _nonspace_index(text)
    return [(idx[t.start], idx[max(t.start, t.end)], t) for t in timexes]


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    lenient: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: "Counts") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @staticmethod
    def _f(hit: int, sys: int, gold: int) -> tuple[float, float, float]:
        p = hit / sys if sys else 0.0
        r = hit / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def scores(self) -> dict[str, float]:
        sp, sr, sf = self._f(self.strict, self.system, self.gold)
        lp, lr, lf = self._f(self.lenient, self.system, self.gold)
        return {
            "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "lenient_p": lp, "lenient_r": lr, "lenient_f1": lf,
            "type_acc": self.type_ok / self.lenient if self.lenient else 0.0,
            "value_acc": self.value_ok / self.lenient if self.lenient else 0.0,
            "type_f1": self._f(self.type_ok, self.system, self.gold)[2],
            "value_f1": self._f(self.value_ok, self.system, self.gold)[2],
        }


def score_doc(gold: Sequence[Timex], gold_text: str, system: Sequence[Timex], system_text: str) -> Counts:
    """Counts for one document; texts may differ in whitespace only."""
    g = _normalised(gold, gold_text)
    s = _normalised(system, system_text)
    c = Counts(gold=len(g), system=len(s))
    used: set[int] = set()
    for gs, ge, gt in g:
        # one-to-one: the same extent first, else the system timex overlapping most
        best, best_overlap = None, 0
        for j, (ss, se, _) in enumerate(s):
            if j in used:
                continue
            if (ss, se) == (gs, ge):
                best, best_overlap = j, 1 << 30
                break
            overlap = min(ge, se) - max(gs, ss)
            if overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is None:
            continue
        used.add(best)
        ss, se, st = s[best]
        c.lenient += 1
        c.strict += (ss, se) == (gs, ge)
        c.type_ok += st.type == gt.type
        c.value_ok += (st.value or "") == (gt.value or "")
    return c


def score(gold: Mapping[str, TmlDoc], system: Mapping[str, tuple[Sequence[Timex], str]]) -> Counts:
    """Sum over the gold documents; a document the system skipped counts as found nothing."""
    total = Counts()
    for doc_id, g in gold.items():
        sys_timexes, sys_text = system.get(doc_id, ([], g.text))
        total.add(score_doc(g.timexes, g.text, sys_timexes, sys_text))
    return total


def same_text(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)


def errors(gold: Sequence[Timex], gold_text: str, system: Sequence[Timex], system_text: str
           ) -> Iterable[tuple[str, Timex | None, Timex | None]]:
    """(kind, gold, system) for each miss, spurious hit, and wrong value: for error analysis."""
    g = _normalised(gold, gold_text)
    s = _normalised(system, system_text)
    matched: set[int] = set()
    for gs, ge, gt in g:
        hit = next((j for j, (ss, se, _) in enumerate(s) if j not in matched and min(ge, se) > max(gs, ss)), None)
        if hit is None:
            yield "missed", gt, None
            continue
        matched.add(hit)
        st = s[hit][2]
        if (st.value or "") != (gt.value or ""):
            yield "value", gt, st
        elif st.type != gt.type:
            yield "type", gt, st
    for j, (_, _, st) in enumerate(s):
        if j not in matched:
            yield "spurious", None, st
