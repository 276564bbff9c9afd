"""Language data: word lists that extractors and consolidation read (one package per language)."""
