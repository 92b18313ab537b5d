"""Admin downloads of the corrected text."""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from reviewapp.access import document_for, translation_for


@login_required
@require_GET
def export_text(request: HttpRequest, document_id: int) -> HttpResponse:
    document = document_for(request, document_id, admin=True)
    translation = translation_for(request, document, request.GET.get("translation"))
    rows = translation.segments.order_by("position").values_list("paragraph", "text")
    lines = [" ".join(text for _, text in group) for _, group in groupby(rows, key=lambda r: r[0])]
    response = HttpResponse(
        "".join(line + "\n" for line in lines), content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="document-{document.pk}.txt"'
    return response
