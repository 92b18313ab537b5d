from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from reviewapp.highlight import direction_runs

register = template.Library()


@register.filter
def isolate_rtl(text: str) -> SafeString:
    """Escape `text` and wrap each right-to-left stretch in <bdi dir="rtl">."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html('<bdi dir="rtl">{}</bdi>', piece) if is_rtl else piece,)
            for piece, is_rtl in direction_runs(text)
        ),
    )
