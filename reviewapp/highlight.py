"""Cut a text into runs so each run can be rendered with the flags covering it."""

from dataclasses import dataclass

# Bidi embedding, override and isolate controls. Rendered as marked, isolated
# runs so a stray override shows up and cannot reorder the text around it.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


@dataclass(frozen=True)
class Run:
    text: str
    flag_ids: tuple[int, ...]
    is_control: bool = False

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.text):04X}" if self.is_control else ""


def text_runs(text: str, spans: list[tuple[int, int, int]]) -> list[Run]:
    """Split `text` at span edges and bidi controls; spans are (start, end, flag id)."""
    cuts = {0, len(text)}
    for start, end, _ in spans:
        cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    for index, char in enumerate(text):
        if char in BIDI_CONTROLS:
            cuts.update((index, index + 1))
    edges = sorted(cuts)
    runs = []
    for start, end in zip(edges, edges[1:], strict=False):
        if start == end:
            continue
        covering = tuple(fid for s, e, fid in spans if s <= start and end <= e and s < e)
        piece = text[start:end]
        runs.append(Run(piece, covering, is_control=len(piece) == 1 and piece in BIDI_CONTROLS))
    return runs
