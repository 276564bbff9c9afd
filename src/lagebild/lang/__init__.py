"""Language data: word lists and their small loaders, one package per language."""
