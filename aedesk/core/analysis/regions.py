"""Binary-mask tools for small masks (~256 px): 3×3 morphology and connected components.

No scipy: morphology is a few shifted ORs/ANDs, and labelling works on runs, not pixels.
Each row's runs of True get an id with one vectorised cumulative sum; runs that touch
(4-connectivity) between consecutive rows are merged by min-label propagation with pointer
jumping over the run graph, all in numpy (a handful of rounds, on hundreds of runs).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Mask = npt.NDArray[np.bool_]
Labels = npt.NDArray[np.int32]


def dilate(mask: Mask, radius: int = 1) -> Mask:
    """Grow `mask` by a (2·radius+1)² square."""
    return _spread(mask, radius, np.logical_or)


def erode(mask: Mask, radius: int = 1) -> Mask:
    """Shrink `mask` by a (2·radius+1)² square (outside the image counts as False)."""
    return ~_spread(~mask, radius, np.logical_or)


def _spread(mask: Mask, radius: int, op: np.ufunc) -> Mask:
    out = mask.copy()
    for axis in (0, 1):
        src = out.copy()
        n = src.shape[axis]
        for r in range(1, radius + 1):
            lo = [slice(None)] * 2
            hi = [slice(None)] * 2
            lo[axis], hi[axis] = slice(0, n - r), slice(r, n)
            op(out[tuple(lo)], src[tuple(hi)], out=out[tuple(lo)])
            op(out[tuple(hi)], src[tuple(lo)], out=out[tuple(hi)])
    return out


def label(mask: Mask) -> tuple[Labels, int]:
    """4-connected components of `mask`: labels (0 = outside, 1..n) and n."""
    h, w = mask.shape
    starts = mask.copy()
    starts[:, 1:] &= ~mask[:, :-1]
    run_id = np.cumsum(starts.ravel(), dtype=np.int32).reshape(h, w)
    run_id[~mask] = 0
    n_runs = int(run_id[-1, -1]) if mask[-1, -1] else int(run_id.max(initial=0))
    both = mask[1:] & mask[:-1]
    # a touching pair shows at every pixel of the overlap; keep the first pixel of each
    first = both.copy()
    first[:, 1:] &= ~both[:, :-1] | starts[1:, 1:] | starts[:-1, 1:]
    below, above = run_id[1:][first], run_id[:-1][first]
    # union-find in bulk: hook the larger of each touching pair's labels onto the smaller
    # (the hook lands on a label, i.e. a whole tree), then compress paths; repeat till stable
    lab = np.arange(n_runs + 1, dtype=np.int32)
    while True:
        la, lb = lab[below], lab[above]
        differ = la != lb
        if not differ.any():
            break
        la, lb = la[differ], lb[differ]
        np.minimum.at(lab, np.maximum(la, lb), np.minimum(la, lb))
        while True:
            jumped = lab[lab]
            if np.array_equal(jumped, lab):
                break
            lab = jumped
    roots = np.flatnonzero(lab == np.arange(n_runs + 1))  # 0 first: the outside
    compact = np.zeros(n_runs + 1, dtype=np.int32)
    compact[roots] = np.arange(len(roots), dtype=np.int32)
    return compact[lab][run_id], len(roots) - 1


def fill_holes(mask: Mask) -> Mask:
    """`mask` with every False region that does not reach the image edge set to True."""
    labels, n = label(~mask)
    open_ = np.zeros(n + 1, dtype=bool)
    for edge in (labels[0], labels[-1], labels[:, 0], labels[:, -1]):
        open_[edge] = True
    open_[0] = True  # label 0 is the mask itself: nothing to fill
    return mask | ~open_[labels]
