"""Find the same error in other segments, to correct it everywhere at once."""

import re
from collections.abc import Sequence

from reviewapp.checks.base import SegmentPair, primary_language
from reviewapp.transliteration import ARABIC_SCRIPT_LANGUAGES, fold_with_offsets

# Proclitics Arabic writes attached to the next word: a match may follow them.
ARABIC_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"})
_LETTER = re.compile(r"\w")


def propose_fix_everywhere(
    pairs: Sequence[SegmentPair], wrong: str, right: str
) -> list[tuple[int, int, int, str]]:
    """Every occurrence of wrong in the targets as (position, start, end, new_text).

    Matching ignores case, Arabic diacritics, tatweel and hamza variants, and takes
    whole words only (after Arabic proclitics such as و or ب, which are kept).
    """
    folded_wrong, _ = fold_with_offsets(wrong.strip())
    if not folded_wrong:
        return []
    pattern = re.compile(re.escape(folded_wrong))
    proposals = []
    for pair in pairs:
        folded, offsets = fold_with_offsets(pair.target)
        allows_proclitics = primary_language(pair.target_lang) in ARABIC_SCRIPT_LANGUAGES
        for match in pattern.finditer(folded):
            word_start = match.start()
            while word_start > 0 and _LETTER.match(folded[word_start - 1]):
                word_start -= 1
            prefix = folded[word_start : match.start()]
            if prefix and not (allows_proclitics and prefix in ARABIC_PROCLITICS):
                continue
            if match.end() < len(folded) and _LETTER.match(folded[match.end()]):
                continue
            start, end = offsets[match.start()], offsets[match.end() - 1] + 1
            if pair.target[start:end] != right:
                proposals.append((pair.position, start, end, right))
    return proposals
