"""One source name rendered in different ways across the document."""

from collections import Counter
from collections.abc import Iterable, Sequence

from reviewapp.checks.base import Check, CheckContext, Finding, SegmentPair, register
from reviewapp.checks.names import document_name_renderings
from reviewapp.transliteration import name_distance


@register
class ConsistencyCheck(Check):
    check_id = "consistency"
    name = "Consistent names"
    description = (
        "A name of the source is rendered the same way in every segment; segments that "
        "differ from the most frequent rendering are reported."
    )

    def check_document(
        self, pairs: Sequence[SegmentPair], context: CheckContext
    ) -> Iterable[tuple[int, Finding]]:
        by_position = document_name_renderings(
            [pair for pair in pairs if self.applies_to(pair)], context
        )
        rendered = [
            (position, item)
            for position, renderings in by_position.items()
            for item in renderings
            if item.status in ("ok", "misspelled", "unusual") and item.rendering
        ]
        counts: dict[str, Counter[str]] = {}
        for _, item in rendered:
            counts.setdefault(item.key, Counter())[item.rendering] += 1
        usual_renderings: dict[tuple[str, str], tuple[str, int]] = {}
        for position, item in rendered:
            variants = counts[item.key]
            if len(variants) < 2:
                continue
            # Once per name and spelling, not once per occurrence.
            name = (item.key, item.source_text)
            if name not in usual_renderings:
                usual_renderings[name] = _usual_rendering(item.source_text, variants)
            usual, usual_count = usual_renderings[name]
            if item.rendering == usual:
                continue
            yield (
                position,
                Finding(
                    check_id=self.check_id,
                    kind="inconsistent",
                    source_start=item.source_start,
                    source_end=item.source_end,
                    target_start=item.target_start,
                    target_end=item.target_end,
                    source_text=item.source_text,
                    target_text=item.target_text,
                    message=(
                        f"“{item.source_text}” is rendered “{item.rendering}” here but "
                        f"“{usual}” in {usual_count} other place(s)."
                    ),
                    suggestion=usual,
                    category="terminology",
                    severity="minor",
                ),
            )


def _usual_rendering(source_text: str, variants: Counter[str]) -> tuple[str, int]:
    """The most frequent rendering; on a tie, the one closest to the source name."""
    return max(
        variants.items(),
        key=lambda variant: (variant[1], -name_distance(source_text, variant[0])),
    )
