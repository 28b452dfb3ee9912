"""Page text of a given size for benchmarks: the sample page repeated, with its dates and
numbers varied so no two copies are identical."""

from __future__ import annotations

import random
from pathlib import Path

import regex

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "sample-page.txt"


def page_text(size_bytes: int, seed: int = 7) -> str:
    base = SAMPLE.read_text("utf-8")
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size_bytes:
        copy = regex.sub(r"\d+", lambda m: str(rng.randint(1, 30)), base)
        parts.append(copy)
        total += len(copy.encode("utf-8"))
    text = "".join(parts)
    # Trim to the size at a line boundary.
    data = text.encode("utf-8")[:size_bytes].decode("utf-8", "ignore")
    return data[: data.rfind("\n") + 1]
