"""manage.py scores: a document's figures as JSON or a table; unknown ids fail clearly."""

from __future__ import annotations

import io
import json

import pytest
import sacrebleu
from django.core.management import CommandError, call_command

from reviewapp import services


@pytest.fixture
def corrected(document, segments, editor):
    services.segment_save_text(
        segment=segments[1], user=editor, text="التقى رون ديرمر بأسعد الشيباني.", base_version=0
    )
    services.flag_create(
        segment=segments[2],
        user=editor,
        side="target",
        start=7,
        end=13,
        version=0,
        category="untranslated",
        severity="major",
    )
    return document


def run_scores(*args: object) -> str:
    out = io.StringIO()
    call_command("scores", *args, stdout=out)
    return out.getvalue()


def test_json_figures_equal_sacrebleu(corrected):
    figures = json.loads(run_scores(corrected.pk, "--json"))
    segments = list(corrected.segments().order_by("position"))
    hypotheses, references = [s.mt_text for s in segments], [[s.text for s in segments]]
    (system,) = figures["systems"]
    assert system["label"] == "Machine translation"
    for key, metric in (
        ("bleu", sacrebleu.BLEU()),
        ("chrf", sacrebleu.CHRF()),
        ("chrf++", sacrebleu.CHRF(word_order=2)),
        ("ter", sacrebleu.TER()),
    ):
        expected = metric.corpus_score(hypotheses, references).score
        assert system["post_edit"][key]["score"] == pytest.approx(expected)
        assert system["post_edit"][key]["signature"] == metric.get_signature().format()
    (overall,) = figures["overall"]
    assert overall["mqm"]["penalty"] == 25.0 and overall["mqm"]["passed"] is False
    assert figures["progress"] == {
        "segments": 4,
        "approved": 0,
        "edited": 1,
        "flagged": 1,
        "percent": 0,
    }
    assert overall["esa"] == {"mean": None, "count": 0}


def test_table_shows_scores_and_signatures(corrected):
    output = run_scores(corrected.pk)
    assert "Talks in Paris" in output and "BLEU" in output and "fail" in output
    assert "nrefs:1|case:mixed|eff:no|tok:13a" in output
    assert "Machine translation" in output and "editor" in output


def test_unknown_document_is_an_error(db):
    with pytest.raises(CommandError, match="No document with id 999999"):
        run_scores("999999")
