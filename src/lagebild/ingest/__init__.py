"""Readers and cleaning: files, folders, JSONL, HTML in; `Article`s out."""
