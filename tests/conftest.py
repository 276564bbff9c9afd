"""Shared fixtures. Tests that need ../shared (seeds, corpora) skip cleanly without it."""
from __future__ import annotations

import functools
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@functools.cache
def _analysis_pipeline():
    """The analysis pipeline (trained model if packaged, else blank) with all extractors, built once per run."""
    from lagebild.pipeline import build_nlp

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return build_nlp()


@pytest.fixture(scope="session")
def nlp():
    """The analysis pipeline (trained model if packaged, else blank) with all extractors."""
    return _analysis_pipeline()


@pytest.fixture(scope="session")
def parsed_nlp():
    """The analysis pipeline with all extractors, where its parser is packaged (skips otherwise)."""
    nlp = _analysis_pipeline()
    if "parser" not in nlp.pipe_names:
        pytest.skip("no trained pipeline packaged (the parse-based tests need the parser)")
    return nlp


@pytest.fixture(scope="session")
def parser():
    """The trained pipeline as analysis loads it (parser included); skips where none is packaged."""
    from lagebild import nlp as lnlp

    n = lnlp.shared()
    if "parser" not in n.pipe_names:
        pytest.skip("no trained pipeline packaged (the parse-based tests need the parser)")
    return n


@pytest.fixture(scope="session")
def claims_nlp():
    """The rule-only claims pipeline: spaCy's blank German tokenizer, sentencizer, lagebild_claims."""
    import lagebild.extract.claims  # noqa: F401  (registers "lagebild_claims")
    from lagebild.nlp import blank

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        n = blank()
    n.add_pipe("lagebild_claims")
    return n
