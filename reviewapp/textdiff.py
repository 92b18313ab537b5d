"""Word-level differences between two versions of a sentence."""

import difflib
import re
from dataclasses import dataclass

# Words and the spaces between them are separate tokens, so joining the
# tokens of a diff gives back the exact texts, punctuation included.
TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class DiffPart:
    kind: str  # "equal", "insert" or "delete"
    text: str


def _merged_opcodes(old: list[str], new: list[str]) -> list[tuple[bool, int, int, int, int]]:
    """Opcodes as (changed, a1, a2, b1, b2), with a lone space between two changes
    folded into them, so "A B" -> "C D" reads as one replacement, not two."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    opcodes = [(op != "equal", a1, a2, b1, b2) for op, a1, a2, b1, b2 in matcher.get_opcodes()]
    merged: list[tuple[bool, int, int, int, int]] = []
    for index, (changed, a1, a2, b1, b2) in enumerate(opcodes):
        between_changes = 0 < index < len(opcodes) - 1 and opcodes[index + 1][0]
        is_space = not changed and all(token.isspace() for token in old[a1:a2])
        if merged and merged[-1][0] and (changed or (is_space and between_changes)):
            _, pa1, _, pb1, _ = merged[-1]
            merged[-1] = (True, pa1, a2, pb1, b2)
        else:
            merged.append((changed or (is_space and between_changes), a1, a2, b1, b2))
    return merged


def word_diff(old: str, new: str) -> list[DiffPart]:
    old_tokens = TOKEN.findall(old)
    new_tokens = TOKEN.findall(new)
    parts: list[DiffPart] = []
    for changed, a1, a2, b1, b2 in _merged_opcodes(old_tokens, new_tokens):
        if not changed:
            parts.append(DiffPart("equal", "".join(old_tokens[a1:a2])))
            continue
        if a2 > a1:
            parts.append(DiffPart("delete", "".join(old_tokens[a1:a2])))
        if b2 > b1:
            parts.append(DiffPart("insert", "".join(new_tokens[b1:b2])))
    return parts
