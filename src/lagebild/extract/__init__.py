"""Extractors: spaCy components, a `Doc` in, spans and attributes out.

Each is registered by name (``nlp.add_pipe("lagebild_claims")``) and writes
its results to a `Doc` extension, so it can run in anyone's spaCy pipeline.
They know no database, no files, no UI.
"""
from spacy.tokens import Doc

# Set by the caller (our pipeline or yours); extractors fall back to sane defaults.
for _name, _default in (
    ("article_id", None),   # str: the article's id, copied into every claim
    ("dct", None),          # str: publication date (document creation time), ISO, any precision
    ("title_end", 0),       # int: char offset where the title line ends (headline prefixes like "Behörden:")
    ("claims", None),       # list[model.Claim]
    ("times", None),        # list[model.TimeExpression]
    ("events", None),       # list[model.Event]
    ("mentions", None),     # list[model.Mention] (entity mentions, resolved later)
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
