"""The clustering's dot-product kernels give the bits scipy's matrices give (speed26: the matrices are no longer made)."""
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
