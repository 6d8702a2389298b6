"""Numbers as people read them."""

from __future__ import annotations


def human_size(n: int) -> str:
    """Decimal units, as the platform's "5 MB" is read by most people."""
    if n < 1000:
        return f"{n} B"
    value = float(n)
    for unit in ("KB", "MB", "GB"):
        value /= 1000
        if value < 1000 or unit == "GB":
            break
    return f"{value:.1f} {unit}"
