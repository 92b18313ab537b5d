"""python manage.py run_checks DOCUMENT_ID --json"""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args):
    out = StringIO()
    call_command("run_checks", *args, stdout=out)
    return out.getvalue()


def test_json_lists_every_finding_with_spans(document, segments):
    findings = json.loads(run(str(document.pk), "--json"))
    dermer = next(f for f in findings if f["check_id"] == "phrasing" and f["position"] == 1)
    text = segments[1].text
    assert text[dermer["target"]["start"] : dermer["target"]["end"]] == dermer["target"]["text"]
    assert dermer["target"]["text"] == "الأمراض الجلدية" and dermer["message"]
    assert {"source", "suggestion", "kind"} <= set(dermer)
    assert [f["position"] for f in findings] == sorted(f["position"] for f in findings)


def test_plain_output_has_one_line_per_finding(document):
    assert len(run(str(document.pk)).splitlines()) == len(
        json.loads(run(str(document.pk), "--json"))
    )


@pytest.mark.django_db
def test_unknown_document_is_a_clear_error():
    with pytest.raises(CommandError, match="There is no document 999999"):
        run("999999", "--json")
