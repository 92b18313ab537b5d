"""Admins download the corrected text; editors may not."""

from django.urls import reverse

from reviewapp import services


def test_export_is_the_corrected_text_one_paragraph_per_line(as_admin, admin, segments, document):
    services.segment_save_text(
        segment=segments[1], user=admin, text="التقى رون ديرمر بأسعد الشيباني.", base_version=0
    )
    response = as_admin.get(reverse("export_text", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response).decode("utf-8") == (
        "محادثات في باريس\n"
        "التقى رون ديرمر بأسعد الشيباني. وناقشا Sweida.\n"
        "واستمرت الإضرابات الإسرائيلية.\n"
    )


def test_editor_gets_403(as_editor, document):
    assert as_editor.get(reverse("export_text", args=[document.pk])).status_code == 403
