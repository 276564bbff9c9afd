"""Language packs: the lexicon each language's rules read (German in `de`)."""
