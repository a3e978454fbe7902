"""The words numpy's `SeedSequence` gives a stream's PCG64, computed without its overhead.

`SeedSequence(master_seed, spawn_key=(replication, stream)).generate_state(4, np.uint64)` seeds
a stream. numpy takes about 15 µs for it, nearly all of it Python-level work around a little
32-bit hashing (coercing the key to arrays, numpy scalars, an `errstate` per call), and a
replication opens some thirty streams. Here the same hashing (Melissa O'Neill's seed_seq, as
numpy's `bit_generator.pyx` writes it) runs on Python ints and numpy arrays. The keys of one
replication differ only in their last word, so the pool is mixed from the master seed and the
replication once, and every stream number is mixed in at once as a numpy column. Equal to
numpy's bit for bit: `tests/test_rng.py` compares the two over many keys.
"""

from __future__ import annotations

import numpy as np

POOL_SIZE = 4
_MASK = 0xFFFF_FFFF
_INIT_A, _MULT_A = 0x43B0_D7E5, 0x931E_8875
_INIT_B, _MULT_B = 0x8B51_F9DD, 0x58F3_8DED
_MIX_MULT_L, _MIX_MULT_R = 0xCA01_F9DD, 0x4973_F715


def _words(n: int) -> list[int]:
    """A non-negative int as 32-bit entropy words, least significant first (0 is one word)."""
    if n < 0:
        raise ValueError("seeds and spawn keys must be non-negative")
    words = [n & _MASK]
    n >>= 32
    while n:
        words.append(n & _MASK)
        n >>= 32
    return words


def _hashmix(value: int, const: int) -> tuple[int, int]:
    """seed_seq's hashmix: the mixed value and the next hash constant."""
    value ^= const
    const = (const * _MULT_A) & _MASK
    value = (value * const) & _MASK
    return value ^ (value >> 16), const


def _mix(x: int, y: int) -> int:
    result = (_MIX_MULT_L * x - _MIX_MULT_R * y) & _MASK
    return result ^ (result >> 16)


def _absorb(pool: list[int], const: int, word: int) -> int:
    """Mix one more entropy word into every pool word; return the hash constant after."""
    for target in range(POOL_SIZE):
        mixed, const = _hashmix(word, const)
        pool[target] = _mix(pool[target], mixed)
    return const


def _replication_pool(master_seed: int, replication: int) -> tuple[tuple[int, ...], int]:
    """The pool and hash constant once every word but the stream's is mixed in."""
    run = _words(master_seed)
    run += [0] * (POOL_SIZE - len(run))  # numpy pads the run entropy when there is a spawn key
    entropy = [*run, *_words(replication)]
    const = _INIT_A
    pool = []
    for word in entropy[:POOL_SIZE]:
        mixed, const = _hashmix(word, const)
        pool.append(mixed)
    for source in range(POOL_SIZE):
        for target in range(POOL_SIZE):
            if source != target:
                mixed, const = _hashmix(pool[source], const)
                pool[target] = _mix(pool[target], mixed)
    for word in entropy[POOL_SIZE:]:
        const = _absorb(pool, const, word)
    return tuple(pool), const


def _steps(const: int, mult: int, count: int) -> np.ndarray:
    """Columns (constant before, constant after) of `count` steps of a hash constant."""
    steps = []
    for _ in range(count):
        after = (const * mult) & _MASK
        steps.append((const, after))
        const = after
    return np.array(steps, dtype=np.uint64).reshape(count, 2, 1)


#: generate_state's constants, which depend on nothing but the step, and the pool word each
#: output half hashes.
_OUT_STEPS = _steps(_INIT_B, _MULT_B, 2 * POOL_SIZE)
_OUT_SOURCE = np.arange(2 * POOL_SIZE) % POOL_SIZE


def stream_seeds(master_seed: int, replication: int, streams: int) -> np.ndarray:
    """Row s: the four 64-bit words `SeedSequence(master_seed, (replication, s))` gives PCG64.

    For streams 0 to `streams` - 1 at once: a (pool word x stream) array in uint64, masked to
    32 bits after each product, which is numpy's unsigned 32-bit arithmetic.
    """
    if not 0 < streams <= _MASK + 1:
        raise ValueError("stream numbers must fit one 32-bit word")
    kept, const = _replication_pool(master_seed, replication)
    steps = _steps(const, _MULT_A, POOL_SIZE)
    word = np.arange(streams, dtype=np.uint64)[None, :]
    mixed = ((word ^ steps[:, 0]) * steps[:, 1]) & _MASK  # hashmix of the stream's word
    mixed ^= mixed >> 16
    pool = np.array(kept, dtype=np.uint64)[:, None]
    pool = (_MIX_MULT_L * pool - _MIX_MULT_R * mixed) & _MASK  # mix into each pool word
    pool ^= pool >> 16
    halves = ((pool[_OUT_SOURCE] ^ _OUT_STEPS[:, 0]) * _OUT_STEPS[:, 1]) & _MASK
    halves ^= halves >> 16
    return np.ascontiguousarray((halves[0::2] | (halves[1::2] << 32)).T)
