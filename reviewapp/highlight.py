"""Cut a text into runs so each run can be rendered with the flags covering it."""

import re
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


_RTL_LETTER = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
# A right-to-left stretch: from one RTL letter to the last RTL letter before the
# next left-to-right letter, with the spaces, digits and punctuation between.
_RTL_STRETCH = re.compile(
    rf"[{_RTL_LETTER}](?:[{_RTL_LETTER}\s\d\u0660-\u0669.,:;!?()\-\u060c\u061b\u061f]*[{_RTL_LETTER}])?"
)


def direction_runs(text: str) -> list[tuple[str, bool]]:
    """Split mixed-script text into (piece, is_rtl) so each RTL stretch can be isolated.

    Without isolation two Arabic phrases quoted in one English sentence are
    reordered as one right-to-left run and read in the wrong order.
    """
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in _RTL_STRETCH.finditer(text):
        if match.start() > position:
            runs.append((text[position : match.start()], False))
        runs.append((match.group(), True))
        position = match.end()
    if position < len(text):
        runs.append((text[position:], False))
    return runs
