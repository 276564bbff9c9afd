"""Extractors: spaCy components, a `Doc` in, spans and attributes out.

Each is registered by name (``nlp.add_pipe("lagebild_claims")``) and writes
its results to a `Doc` extension, so it can run in anyone's spaCy pipeline.
They know no database, no files, no UI.
"""
from collections.abc import Callable, Hashable, Sequence
from functools import wraps
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar, overload

from spacy.tokens import Doc, Span, Token

from ..model import ISO_DATE_PRECISION, TimeValue

# Set by the caller (our pipeline or yours); extractors fall back to sane defaults.
for _name, _default in (
    ("article_id", None),   # str: the article's id, copied into every claim
    ("dct", None),          # str: publication date (document creation time), ISO, any precision
    ("passage_dates", None),  # list[model.DatedPassage]: passages with a date of their own (video teasers)
    ("title_end", 0),       # int: char offset where the title line ends (headline prefixes like "Behörden:")
    ("claims", None),       # list[model.Claim]
    ("times", None),        # list[model.TimeExpression]
    ("events", None),       # list[model.Event]
    ("mentions", None),     # list[model.Mention] (entity mentions, resolved later)
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def case_word(tok: Token) -> str | None:
    """The preposition a phrase hangs from (its ``case`` child, lower-cased: "auf" of "auf 76 Tote"), None without."""
    return next((c.lower_ for c in tok.children if c.dep_ == "case"), None)


def packaged_weights(path: str | None, default: Path) -> Any | None:
    """The arrays of a trained component's ``weights.npz`` in `path` (else its packaged folder `default`), or None
    where none are there - the component then stands aside and the rules work alone."""
    import numpy as np

    f = (Path(path) if path else default) / "weights.npz"
    return np.load(f) if f.exists() else None


def packaged_softmax(path: str | None, default: Path, shape: tuple[int, int]) -> tuple[Any, Any, float] | None:
    """A softmax regression's packaged weights (hashed features x classes, float32), biases and the least
    probability its answer is taken at - the name typer's and the domain model's form; None where none are packaged
    or their shape is not `shape` (weights of another layout: the component stands aside)."""
    import numpy as np

    z = packaged_weights(path, default)
    if z is None or z["w"].shape != shape:
        return None
    return z["w"].astype(np.float32), z["b"].astype(np.float32), float(z["threshold"])


def softmax(z: Any) -> Any:
    """The probabilities of a vector of scores (shifted by its maximum, so no exp overflows)."""
    import numpy as np

    e = np.exp(z - z.max())
    return e / e.sum()


def default_time(doc: Doc, offset: int) -> TimeValue | None:
    """When a statement at ``offset`` was made, if the text says no more: the date of the
    passage it stands in (a video teaser's caption date), else the publication date."""
    for p in doc._.passage_dates or ():
        if p.start <= offset < p.end:
            return TimeValue(p.value, "day", None, p.basis)
    dct = doc._.dct
    if dct:
        precision = ISO_DATE_PRECISION.get(len(dct[:10]), "unknown")
        return TimeValue(dct[:10], precision, None, "publication date")
    return None


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc: spaCy joins every token anew on each access of `Doc.text`, which the
    extractors read thousands of times an article (a cache in `doc.user_data`; tokens never change text)."""
    text = doc.user_data.get("_lagebild_text")
    if text is None:
        text = doc.user_data["_lagebild_text"] = doc.text
    return text


def token_at(doc: Doc, char: int) -> Token | None:
    """The token that starts at character offset `char`, None if none does (an index kept in `doc.user_data`,
    built once per Doc instead of a scan over its tokens per lookup)."""
    starts = doc.user_data.get("_lagebild_token_starts")
    if starts is None:
        starts = doc.user_data["_lagebild_token_starts"] = {}
        for t in doc:
            starts.setdefault(t.idx, t.i)
    i = starts.get(char)
    return None if i is None else doc[i]


_R = TypeVar("_R")


def per_token(test: Callable[[Token], _R]) -> Callable[[Token], _R]:
    """A test of a token, asked once per token and Doc: its answers kept in `doc.user_data` under the test's
    name, by token index. Only for tests that read nothing but the parsed Doc (tag, lemma, arcs, text) and the
    word lists, so that asking again gives the same answer: the claims extractor asks the same cue tests of a
    token for every figure near it and for every sentence a source is looked for in."""
    return _memoised(test, attrgetter("i"))


def per_span(test: Callable[[Span], _R]) -> Callable[[Span], _R]:
    """`per_token` for a test of a stretch of tokens (a sentence): asked once per Doc and stretch (by its first
    and end token)."""
    return _memoised(test, lambda span: (span.start, span.end))


_UNASKED = object()     # `_memoised`'s mark of a place not asked yet (an answer may be None or False)


def _memoised(test: Callable[[Any], _R], place: Callable[[Any], Hashable]) -> Callable[[Any], _R]:
    """`test` with its answers kept in its Doc's `user_data`, one per `place` (of a token or a span)."""
    key = f"_lagebild_memo:{test.__module__}.{test.__qualname__}"

    @wraps(test)
    def memo(x: Any) -> _R:
        user_data = x.doc.user_data
        answers = user_data.get(key)
        if answers is None:
            answers = user_data[key] = {}
        at = place(x)
        out = answers.get(at, _UNASKED)        # one look-up (asked hundreds of thousands of times an article set)
        if out is _UNASKED:
            out = answers[at] = test(x)
        return out

    return memo


class Lazy(Sequence[_R]):
    """A list of n items, each made when first read (`make(k)` for item k, once): for per-sentence work that
    only some sentences need - the word rules' cues of a sentence are read where a figure or a trigger stands
    in it or near it, not in every sentence of the article. Indexed as a list (negative from the end,
    IndexError past it)."""

    def __init__(self, n: int, make: Callable[[int], _R]):
        self._n, self._make = n, make
        self._made: dict[int, _R] = {}

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, k: int) -> _R: ...

    @overload
    def __getitem__(self, k: slice) -> list[_R]: ...

    def __getitem__(self, k: int | slice) -> _R | list[_R]:
        if isinstance(k, slice):
            return [self[j] for j in range(self._n)[k]]
        k = range(self._n)[k]
        if k not in self._made:
            self._made[k] = self._make(k)
        return self._made[k]
