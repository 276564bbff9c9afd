"""Training de_lagebild, lagebild's German spaCy pipeline, from public corpora.

``python -m lagebild.training all`` (``make model``) goes from ../shared/data to
src/lagebild/models/de_lagebild in one command; see training/RESULTS.md.
"""
