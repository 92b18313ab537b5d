"""Numbers of the source must reappear unchanged in the translation."""

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from reviewapp.checks.base import Check, CheckContext, Finding, SegmentPair, register

# Arabic-Indic and Extended Arabic-Indic (Persian) digits, Arabic decimal and
# thousands separators; str.translate keeps every other character as it is.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
# A number, with thousands groups and a decimal part in either convention, not
# preceded by a digit or separator. Letters may precede it: Arabic attaches the
# conjunction و ("و1973"). The pattern starts with the digit and looks back from it,
# rather than starting with the lookbehind, so that the scan skips to digits in C
# instead of testing the lookbehind at every character.
NUMBER_PATTERN = re.compile(
    r"[\d٠-٩۰-۹](?<![\d.,٫٬]\d)[\d٠-٩۰-۹]*"
    r"(?:[.,٫٬\u00a0\u202f][\d٠-٩۰-۹]{3})*(?:[.,٫٬][\d٠-٩۰-۹]+)?"
)
_SEPARATOR = re.compile(r"[.,]")


# Numbers recur throughout a document (years, counts), so their values are kept.
@lru_cache(maxsize=65536)
def number_value(text: str) -> str:
    """A canonical value: "1,500.5", "1.500,5", "١٬٥٠٠٫٥" all give "1500.5"."""
    western = text.translate(_DIGITS).replace("\u00a0", ",").replace("\u202f", ",")
    groups = _SEPARATOR.split(western)
    separators = _SEPARATOR.findall(western)
    if not separators:
        return western
    last_group_is_decimal = len(groups[-1]) != 3 or (len(set(separators)) == 2)
    if last_group_is_decimal:
        return "".join(groups[:-1]) + "." + groups[-1]
    return "".join(groups)


def numbers(text: str) -> list[tuple[int, int, str]]:
    return [
        (match.start(), match.end(), number_value(match.group(0)))
        for match in NUMBER_PATTERN.finditer(text)
    ]


@register
class NumbersCheck(Check):
    check_id = "numbers"
    name = "Numbers"
    description = (
        "Every number of the source appears in the translation, in Western or "
        "Arabic-Indic digits, and the translation adds none."
    )

    def check_segment(self, pair: SegmentPair, context: CheckContext) -> Iterable[Finding]:
        source_numbers = numbers(pair.source)
        target_numbers = numbers(pair.target)
        # Most segments have the same numbers, and then nothing to report.
        source_values = [value for _, _, value in source_numbers]
        target_values = [value for _, _, value in target_numbers]
        if source_values == target_values or sorted(source_values) == sorted(target_values):
            return
        unmatched_target = Counter(value for _, _, value in target_numbers)
        missing = []
        for number in source_numbers:
            if unmatched_target[number[2]] > 0:
                unmatched_target[number[2]] -= 1
            else:
                missing.append(number)
        added = [number for number in target_numbers if unmatched_target[number[2]] > 0]
        for number in added:
            unmatched_target[number[2]] -= 1
        # A lone missing and a lone added number are most likely one changed number.
        if len(missing) == 1 and len(added) == 1:
            yield self._finding(
                pair,
                "number_changed",
                missing[0],
                added[0],
                "The number “{source}” became “{target}”.",
                "mistranslation",
            )
            return
        for number in missing:
            yield self._finding(
                pair,
                "number_missing",
                number,
                None,
                "The number “{source}” is missing from the translation.",
                "omission",
            )
        for number in added:
            yield self._finding(
                pair,
                "number_added",
                None,
                number,
                "The translation adds the number “{target}”.",
                "addition",
            )

    def _finding(
        self,
        pair: SegmentPair,
        kind: str,
        source_number: tuple[int, int, str] | None,
        target_number: tuple[int, int, str] | None,
        message: str,
        category: str,
    ) -> Finding:
        source_text = pair.source[source_number[0] : source_number[1]] if source_number else ""
        target_text = pair.target[target_number[0] : target_number[1]] if target_number else ""
        return Finding(
            check_id=self.check_id,
            kind=kind,
            source_start=source_number[0] if source_number else None,
            source_end=source_number[1] if source_number else None,
            target_start=target_number[0] if target_number else None,
            target_end=target_number[1] if target_number else None,
            source_text=source_text,
            target_text=target_text,
            message=message.format(source=source_text, target=target_text),
            suggestion=source_text if kind == "number_changed" else "",
            category=category,  # type: ignore[arg-type]
            severity="major",
        )
