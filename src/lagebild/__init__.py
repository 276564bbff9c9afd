"""lagebild: a sourced situation picture from a pile of news articles."""
__version__ = "0.1.0"
