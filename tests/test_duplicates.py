"""Near-duplicates: wire copies with small edits are marked, different stories are not."""
from __future__ import annotations

import random

import pytest

from lagebild.consolidate.duplicates import clusters, jaccard, mark_duplicates, shingles
from lagebild.model import Article

WORDS = ("Regierung Polizei Stadt Land Bürger Feuerwehr Minister Bericht Angaben Sprecher Montag Dienstag "
         "Woche Jahr Haushalt Gesetz Streik Wahl Gericht Schule Straße Brücke Zug Flughafen Hafen Krankenhaus "
         "Euro Prozent Menschen Helfer Soldaten Behörden Einsatz Lage Plan Gespräch Antrag Entscheidung "
         "hat sagte teilte mit wurde soll sind war nach bei gegen über unter für mit von der die das ein eine").split()


def story(seed: int, n: int = 160) -> str:
    rnd = random.Random(seed)
    sents = []
    while sum(len(s.split()) for s in sents) < n:
        sents.append(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 16))).capitalize() + ".")
    return " ".join(sents)


def art(aid: str, title: str, body: str) -> Article:
    return Article(id=aid, text=f"{title}\n\n{body}", title=title)


def edit(text: str, seed: int, n_changes: int) -> str:
    rnd = random.Random(seed)
    toks = text.split()
    for _ in range(n_changes):
        toks[rnd.randrange(len(toks))] = rnd.choice(WORDS)
    return " ".join(toks)


def test_wire_copies_marked():
    base = story(1)
    a = art("dpa_original", "Streik legt Verkehr lahm", base)
    b = art("outlet_b", "Warnstreik: Busse und Bahnen stehen still", base + " Mehr dazu am Abend.")  # new headline, tail
    c = art("outlet_c", "Streik legt Verkehr lahm", edit(base, 2, 2))                                  # two words changed
    d = art("other", "Haushalt beschlossen", story(99))
    arts = [a, b, c, d]
    mark_duplicates(arts)
    assert [x.duplicate_of for x in arts] == [None, "dpa_original", "dpa_original", None]
    assert clusters(arts) == [["dpa_original", "outlet_b", "outlet_c"]]


def test_threshold_is_respected():
    base = story(3)
    rewritten = edit(base, 4, 25)   # heavy rewrite: below 0.8, above 0.3
    sim = jaccard(shingles(base), shingles(rewritten))
    assert 0.3 < sim < 0.8
    arts = [art("a", "T", base), art("b", "T", rewritten)]
    mark_duplicates(arts, threshold=0.8)
    assert arts[1].duplicate_of is None
    mark_duplicates(arts, threshold=0.3)
    assert arts[1].duplicate_of == "a"


def test_order_decides_original_and_reset():
    base = story(5)
    arts = [art("late", "T", base), art("early", "T", base)]
    mark_duplicates(arts)
    assert arts[1].duplicate_of == "late"
    arts.reverse()
    mark_duplicates(arts)
    assert arts[0].duplicate_of is None and arts[1].duplicate_of == "early"


def test_short_and_empty_texts_never_match():
    arts = [art("a", "Kurz", "Ja."), art("b", "Kurz", "Ja."), art("c", "Leer", "")]
    mark_duplicates(arts)
    assert all(a.duplicate_of is None for a in arts)
    mark_duplicates([])


def test_many_distinct_stories_no_false_pairs():
    arts = [art(f"s{i}", f"Titel {i}", story(100 + i)) for i in range(60)]
    arts.append(art("copy", "Anderer Titel", edit(arts[17].text.split("\n\n", 1)[1], 7, 1)))
    mark_duplicates(arts)
    assert [a.id for a in arts if a.duplicate_of] == ["copy"] and arts[-1].duplicate_of == "s17"


def test_bad_threshold():
    with pytest.raises(ValueError):
        mark_duplicates([], threshold=0)


def test_seeds_are_not_duplicates(seeds_dir):
    from lagebild.ingest.readers import read_paths

    arts = [a for a in read_paths([seeds_dir]) if isinstance(a, Article)]
    mark_duplicates(arts)
    assert all(a.duplicate_of is None for a in arts)   # same topic, different texts


def test_incremental_is_all_at_once():
    """A dossier keeps signatures and pairs and adds articles in batches: the same originals as
    mark_duplicates over all of them, whatever the batches (chains of copies, an older original added late)."""
    from lagebild.consolidate.duplicates import near_pairs, originals, shingle_set, signature

    rnd = random.Random(11)
    arts = [art(f"s{i}", f"Titel {i}", story(200 + i)) for i in range(12)]
    for k in range(16):   # copies of copies: clusters closed transitively
        src = rnd.choice(arts)
        arts.append(art(f"c{k}", "Anderer Titel", edit(src.text.split("\n\n", 1)[1], 300 + k, 1)))
    arts.append(art("kurz", "Kurz", "Ja."))
    whole = [Article(id=a.id, text=a.text, title=a.title) for a in arts]
    mark_duplicates(whole)
    assert sum(a.duplicate_of is not None for a in whole) >= 12
    for seed in range(3):
        order = arts[:]
        random.Random(seed).shuffle(order)
        sigs, pairs = {}, set()
        for start in range(0, len(order), 7):
            batch = order[start:start + 7]
            sigs.update({a.id: signature(a) for a in batch})
            by_id = {a.id: a for a in order[:start + 7]}
            pairs |= near_pairs(sigs, [a.id for a in batch], lambda i: shingle_set(by_id[i]))
        got = originals([a.id for a in arts], pairs)
        assert got == {a.id: a.duplicate_of for a in whole}


def test_candidates_are_those_of_an_lsh_index(monkeypatch):
    """The candidates found band by band (few new articles: arrays compared; many: hash tables) are
    those a datasketch MinHashLSH index over all signatures returns, at the bands it chooses."""
    from datasketch import MinHash, MinHashLSH

    from lagebild.consolidate import duplicates as d

    rnd = random.Random(5)
    arts = [art(f"s{i}", f"Titel {i}", story(400 + i)) for i in range(20)]
    arts += [art(f"c{k}", "Kopie", edit(rnd.choice(arts).text.split("\n\n", 1)[1], 500 + k, 12)) for k in range(20)]
    sigs = {a.id: d.signature(a) for a in arts}
    lsh = MinHashLSH(threshold=0.8 - 0.15, num_perm=d.NUM_PERM)
    perms = MinHash(num_perm=d.NUM_PERM, seed=1, scheme=d.SCHEME).permutations
    hashes = {k: MinHash(num_perm=d.NUM_PERM, seed=1, scheme=d.SCHEME, hashvalues=v, permutations=perms)
              for k, v in sigs.items()}
    for k, m in hashes.items():
        lsh.insert(k, m)
    assert d.bands(0.8 - 0.15) == (lsh.b, lsh.r)
    for few in (True, False):
        new = list(sigs)[-3:] if few else list(sigs)
        monkeypatch.setattr(d, "_FEW", len(new) if few else len(new) - 1)   # the one way or the other
        got = d.candidates(sigs, new, 0.8 - 0.15)
        assert {k: set(v) for k, v in got.items()} == {k: set(lsh.query(hashes[k])) for k in new}
    assert any(len(v) > 1 for v in got.values())      # copies were found, not only each article itself


def test_reading_marks_no_copies_consolidating_does(tmp_path):
    """Near-duplicates are a cross-article step: reading leaves them unmarked (a build or the analysis of
    a partition does not mark them twice); the in-memory consolidation (the CLI's) marks them."""
    from lagebild.model import Result
    from lagebild.pipeline import consolidate, read_articles

    base = story(7)
    (tmp_path / "a.txt").write_text("Streik legt Verkehr lahm\n\n" + base, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Warnstreik: Busse stehen still\n\n" + base + " Mehr am Abend.", encoding="utf-8")
    articles, errors = read_articles([tmp_path])
    assert len(articles) == 2 and not errors
    assert all(a.duplicate_of is None for a in articles)
    result = Result(articles=articles)
    consolidate(result, ())
    assert sorted(a.duplicate_of is None for a in result.articles) == [False, True]


def test_signature_is_datasketchs_minhash():
    """The signature takes all shingles' hashes at once; it must be datasketch's MinHash of them (its default
    SHA-1 hash, seed 1, the same scheme), or stored signatures and candidates would change."""
    from datasketch import MinHash

    from lagebild.consolidate import duplicates as d

    s = shingles("Die Feuerwehr löschte am Montag 12 Brände in Graz, Wien und Linz; Überstunden fielen an. " * 3
                 + "Ärzte behandelten 7 Verletzte.")
    m = MinHash(num_perm=d.NUM_PERM, seed=1, scheme=d.SCHEME)
    m.update_batch([x.encode("utf-8") for x in s])
    assert (d._signature(s) == m.hashvalues).all()
    assert d._signature({"a b c"}) is None
