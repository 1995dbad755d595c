"""`ingest.arrays`: the slice-based drop and insert equal `np.delete` / `np.insert`, and
`npy_bytes` equals what `np.save` writes."""

from __future__ import annotations

import io

import numpy as np
import pytest

from ingest.arrays import inserted, npy_bytes, without


@pytest.mark.parametrize("n", [0, 1, 5, 100, 1000])
@pytest.mark.parametrize("k", [0, 1, 3, 50, 30_000])
def test_drop_and_insert_equal_numpy(n, k):
    rng = np.random.default_rng(n * 7 + k)
    array = rng.integers(0, 100, n).astype(np.int32)
    at = np.sort(rng.integers(0, n + 1, k))
    values = rng.integers(0, 100, k)
    assert np.array_equal(inserted(array, at, values), np.insert(array, at, values.astype(np.int32)))
    assert np.array_equal(inserted(array, at[::-1].copy(), values),
                          np.insert(array, at[::-1], values.astype(np.int32)))
    positions = np.unique(rng.integers(0, n, min(k, n))) if n else np.zeros(0, dtype=np.int64)
    assert np.array_equal(without(array, positions), np.delete(array, positions))


@pytest.mark.parametrize("array", [
    np.zeros(0, np.int32), np.arange(10, dtype=np.uint16), np.zeros((0, 8), np.int64),
    np.arange(24, dtype=np.int64).reshape(3, 8), np.zeros((5, 0), np.float32),
    np.arange(6, dtype=np.int32).reshape(3, 2)[:, ::-1], np.zeros((0, 0), np.float32),
    np.asfortranarray(np.arange(12.0).reshape(3, 4)), np.arange(12.0).reshape(3, 4)[::2],
    np.ones((), np.float32),
])
def test_npy_bytes_are_those_np_save_writes(array):
    buffer = io.BytesIO()
    np.save(buffer, array)
    assert npy_bytes(array) == buffer.getvalue()
