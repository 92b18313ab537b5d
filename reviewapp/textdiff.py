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


def word_diff(old: str, new: str) -> list[DiffPart]:
    old_tokens = TOKEN.findall(old)
    new_tokens = TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    parts: list[DiffPart] = []
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(DiffPart("equal", "".join(old_tokens[a1:a2])))
            continue
        if a2 > a1:
            parts.append(DiffPart("delete", "".join(old_tokens[a1:a2])))
        if b2 > b1:
            parts.append(DiffPart("insert", "".join(new_tokens[b1:b2])))
    return parts
