"""Keep a flagged span attached to its words while the text around it changes."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    stale: bool


def reanchor(quote: str, start: int, new_text: str) -> Anchor:
    """Find `quote`, last seen at `start`, in `new_text`.

    The occurrence nearest the old position wins, so a flag on the second of
    two identical words stays on the second. When the words are gone the flag
    keeps its old offsets (clamped) and is marked stale.
    """
    if not quote:
        return Anchor(0, 0, True)
    candidates = []
    position = new_text.find(quote)
    while position != -1:
        candidates.append(position)
        position = new_text.find(quote, position + 1)
    if not candidates:
        clamped = min(start, len(new_text))
        return Anchor(clamped, min(clamped + len(quote), len(new_text)), True)
    best = min(candidates, key=lambda candidate: abs(candidate - start))
    return Anchor(best, best + len(quote), False)
