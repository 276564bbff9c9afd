"""The clustering's dot-product kernels (scipy's, called without its matrices) give the bits the matrices give."""
import numpy as np
from scipy.sparse import csr_matrix

from lagebild.consolidate import stories


def _rows(seed: int, n: int, vocab: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    lens = rng.integers(0, 40, n)
    starts = np.zeros(n + 1, np.int64)
    np.cumsum(lens, out=starts[1:])
    # each row's terms in no sorted order (a single article's arrays follow its centroid's order)
    ix = np.concatenate([rng.permutation(vocab)[:k] for k in lens]).astype(np.int64)
    w = rng.random(len(ix)) * rng.choice([1e-3, 1.0, 1e3], len(ix))
    return starts, ix, w


def test_row_sums_are_the_matrix_product_to_the_bit():
    starts, ix, w = _rows(1, 200, 500)
    dense = np.zeros(500)
    dense[::3] = np.random.default_rng(2).random(len(dense[::3]))
    want = csr_matrix((w, ix, starts), shape=(200, 500)) @ dense
    got = stories._row_sums(starts, ix, w, dense)
    assert got.tobytes() == want.tobytes()


def test_some_row_sums_are_the_product_of_those_rows_to_the_bit():
    starts, ix, w = _rows(3, 300, 400)
    m = csr_matrix((w, ix, starts), shape=(300, 400))     # as `_Space.rows` makes it (scipy may pick int32)
    dense = np.random.default_rng(4).random(400)
    rows = [299, 5, 17, 5, 0, 120]
    want = m[np.array(rows)] @ dense
    got = stories._some_row_sums(m.indptr, m.indices, m.data, rows, dense)
    assert got.tobytes() == want.tobytes()
    assert stories._some_row_sums(m.indptr, m.indices, m.data, [], dense).shape == (0,)


def test_without_scipys_kernels_the_matrices_give_the_same_bits(monkeypatch):
    """The kernels are scipy's private ones (scipy.sparse._sparsetools): where they are gone the matrices are made
    again (the fallback); both paths, on int64 indices (`_Space.sums`) and on the int32 ones csr_matrix picks
    (`_Space.rows`), give the same bits."""
    assert stories._csr_matvec is not None and stories._csr_row_index is not None     # (the pinned scipy has them)
    starts, ix, w = _rows(5, 250, 600)
    m = csr_matrix((w, ix, starts), shape=(250, 600))
    dense = np.random.default_rng(6).random(600)
    rows = [3, 249, 0, 17, 3, 100]

    def both() -> list[bytes]:
        return [stories._row_sums(starts, ix, w, dense).tobytes(),
                stories._row_sums(m.indptr, m.indices, m.data, dense).tobytes(),
                stories._some_row_sums(starts, ix, w, rows, dense).tobytes(),
                stories._some_row_sums(m.indptr, m.indices, m.data, rows, dense).tobytes(),
                stories._some_row_sums(m.indptr, m.indices, m.data, [], dense).tobytes()]

    fast = both()
    monkeypatch.setattr(stories, "_csr_matvec", None)
    monkeypatch.setattr(stories, "_csr_row_index", None)
    assert both() == fast


def test_the_clustering_is_the_same_to_the_bit_without_scipys_kernels(monkeypatch):
    """Candidates' products and merges (every `_Space.sums` through the matrix path: _MATRIX_ROWS 1) with the
    kernels and with the fallback: the same dot products, in the same order in every row."""
    import random

    def run() -> list[list[tuple[int, float]]]:
        rng = random.Random(13)
        vocab = [f"t{k}" for k in range(60)]
        vectors = {f"n{k:02d}": {t: rng.random() for t in rng.sample(vocab, rng.randint(1, 30))} for k in range(40)}
        nodes = {k: stories._Node(k, dict(v), 1, None, None, k in ("n00", "n01"), [k]) for k, v in vectors.items()}
        g = stories._Graph(nodes)
        stories._candidate_dots(g)
        for _ in range(15):
            live = [(i, j) for i, row in enumerate(g.dots) if g.live[i] for j in row if i < j]
            if not live:
                break
            i, j = rng.choice(sorted(live))
            stories._merge(g, i, j)
        return [list(row.items()) for row in g.dots]

    monkeypatch.setattr(stories, "_MATRIX_ROWS", 1)
    fast = run()
    assert sum(map(len, fast)) > 40
    monkeypatch.setattr(stories, "_csr_matvec", None)
    monkeypatch.setattr(stories, "_csr_row_index", None)
    assert run() == fast


def test_a_merges_products_read_from_the_spaces_buffers_are_those_of_the_nodes_arrays():
    """`_Space` keeps every node's arrays in two buffers too (a merge's products with many candidates copy them out
    in C): through merges that replace a story's arrays, and the buffers made again when full, each node's place in
    them holds its current arrays, and the products read from them are those of the arrays listed, to the bit."""
    import random

    rng = random.Random(7)
    vocab = [f"t{k}" for k in range(300)]
    nodes = {f"n{k:03d}": stories._Node(f"n{k:03d}", {t: rng.random() for t in rng.sample(vocab, rng.randint(1, 60))},
                                        1, None, None, False, [f"n{k:03d}"]) for k in range(200)}
    g = stories._Graph(nodes)
    stories._candidate_dots(g)
    space = g.space
    first = len(space.bix)
    for _ in range(120):
        live = [i for i, alive in enumerate(g.live) if alive]
        keep, gone = rng.sample(live, 2)
        stories._merge(g, keep, gone)
    assert len(space.bix) > first      # made again, larger
    held = [n for n in g.nodes if n.ix is not None]
    for n in held:
        start, stop = space.at[2 * n.row], space.at[2 * n.row + 1]
        assert space.bix[start:stop].tolist() == n.ix.tolist() and space.bw[start:stop].tolist() == n.w.tolist()
    a = next(n for n, alive in zip(g.nodes, g.live) if alive and n.ix is not None)
    for others in (held[:5], held):     # both paths: the gather's and the matrix product's (_MATRIX_ROWS)
        assert space.sums(a, others).tobytes() == space._listed_sums(a, others).tobytes()
