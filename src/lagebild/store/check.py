"""`lagebild check --db FILE`: is the dossier whole, and finish what an interrupted build left.

    findings = check_dossier("d.db")   # [(ok, line), ...]; repairs what it can

Checks SQLite's integrity (pages, indexes), foreign keys (no claim without its
article), the full-text indexes against their tables, and the builds: a build
without a finish time was interrupted (killed, power cut, disk full). Its
articles are each stored whole or not at all (one transaction each); what it
could not do is the cross-article step, which `check` then has run over what is
stored (in one transaction, by the build module), and marks that build finished as interrupted.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from .lock import build_lock
from .sqlite import Store, StoreError, now


def check_dossier(db_path: str | Path, *, repair: bool = True,
                  complete: Callable[[Store], list[str]] | None = None) -> list[tuple[bool, str]]:
    """Integrity findings, one line each (ok, text). With repair, an interrupted build is marked finished,
    after `complete(store)` (the build's cross-article step, lagebild.build.complete_cross_article;
    the store computes nothing itself) has run over what is stored; it returns its notes."""
    out: list[tuple[bool, str]] = []
    with build_lock(db_path), Store(db_path) as store:
        db = store.db
        problems = [r[0] for r in db.execute("PRAGMA integrity_check(20)")]
        if problems == ["ok"]:
            out.append((True, "SQLite integrity: ok"))
        else:
            out += [(False, f"SQLite integrity: {p}") for p in problems]
        fk = db.execute("PRAGMA foreign_key_check").fetchall()
        out.append((not fk, "foreign keys: ok" if not fk else
                    f"foreign keys: {len(fk)} rows point to missing rows (first in table {fk[0][0]})"))
        for fts in ("articles_fts", "sentences_fts"):
            try:
                # rank 1: the index checked against its content table too, not only against itself
                db.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
                out.append((True, f"full-text index {fts}: ok"))
            except sqlite3.DatabaseError as e:
                if repair:
                    with store.transaction():
                        db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
                    out.append((True, f"full-text index {fts}: out of step with its table ({e}); rebuilt"))
                else:
                    out.append((False, f"full-text index {fts}: {e}"))
        stale = stale_builds(store)
        if not stale:
            out.append((True, "builds: all finished"))
        elif not repair:
            out.append((False, f"builds: {len(stale)} interrupted ({', '.join(map(str, stale))})"))
        else:
            notes = complete(store) if complete is not None else []
            finish_stale(store, stale, "interrupted; cross-article step completed by `lagebild check`")
            noted = f" ({'; '.join(notes)})" if notes else ""
            out.append((True, f"builds: {len(stale)} interrupted ({', '.join(map(str, stale))}); "
                              "cross-article step run over the stored articles" + noted))
        n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        out.append((True, f"{n} articles"))
    return out


def stale_builds(store: Store) -> list[int]:
    """Builds that never finished. Call only while holding the build lock: then none of them is running."""
    return [r[0] for r in store.db.execute("SELECT id FROM builds WHERE finished IS NULL ORDER BY id")]


def finish_stale(store: Store, ids: list[int], note: str) -> None:
    with store.transaction():
        store.db.executemany("UPDATE builds SET finished=?, notes=? WHERE id=? AND finished IS NULL",
                             [(now(), json.dumps([note]), i) for i in ids])


__all__ = ["check_dossier", "stale_builds", "finish_stale", "StoreError"]
