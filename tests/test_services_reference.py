"""A human reference translation aligned onto a document's segments, and scored by reports."""

import pytest
import sacrebleu

from reviewapp import reports, services
from reviewapp.demo import DEMO_DIR
from reviewapp.models import Segment
from reviewapp.scoring import BLEU_KEY, CHRF_KEY, TER_KEY, metric_settings
from reviewapp.tasks import ImportFile, ImportFiles, ImportOptions, import_now

# Corrections an editor would make to the demo's machine translation.
CORRECTIONS = {
    "رون ديمر": "رون ديرمر",
    "آساد الشباني": "أسعد الشيباني",
    "الأمراض الجلدية": "ديرمر",
}


def demo_text(lang: str) -> str:
    return (DEMO_DIR / f"paris-talks.{lang}.txt").read_text(encoding="utf-8")


def corrected(text: str) -> str:
    for wrong, right in CORRECTIONS.items():
        text = text.replace(wrong, right)
    return text


@pytest.fixture
def demo_document(project):
    files = ImportFiles(
        source=ImportFile("en.txt", demo_text("en").encode()),
        translation=ImportFile("ar.txt", demo_text("ar").encode()),
    )
    options = ImportOptions(source_lang="en", target_lang="ar", ignore_language_warnings=True)
    return import_now(files, options, project=project, user=None).document


def test_the_demo_reference_lands_on_the_segments_it_translates(demo_document, admin):
    translation = demo_document.translations.get()
    count = services.translation_set_reference(
        translation=translation, reference_text=corrected(demo_text("ar")), user=admin
    )
    segments = list(translation.segments.order_by("position"))
    assert count == sum(1 for segment in segments if segment.mt_text)
    for segment in segments:
        assert segment.reference_text == corrected(segment.mt_text)
    dermer = [s for s in segments if "رون ديمر" in s.mt_text]
    assert dermer and all("رون ديرمر" in s.reference_text for s in dermer)


@pytest.mark.parametrize(
    ("key", "metric"),
    [
        (BLEU_KEY, sacrebleu.BLEU(tokenize=metric_settings("ar").bleu_tokenizer)),
        (CHRF_KEY, sacrebleu.CHRF()),
        (TER_KEY, sacrebleu.TER()),
    ],
)
def test_the_report_scores_the_translation_against_the_reference(
    demo_document, project, admin, key, metric
):
    translation = demo_document.translations.get()
    before = reports.overall_scores(reports.load_report_data(project, demo_document.segments()))
    assert before[0].reference is None
    services.translation_set_reference(
        translation=translation, reference_text=corrected(demo_text("ar")), user=admin
    )
    [scores] = reports.overall_scores(reports.load_report_data(project, demo_document.segments()))
    rows = translation.segments.exclude(reference_text="").order_by("position")
    hypotheses = [row.mt_text for row in rows]
    references = [row.reference_text for row in rows]
    expected = metric.corpus_score(hypotheses, [references]).score
    assert scores.reference_segments == len(references)
    assert scores.reference[key].score == pytest.approx(expected)
    assert 0 < expected < 100 if key != TER_KEY else expected > 0


def test_reference_sentences_without_a_source_join_the_segment_before(segments, admin):
    translation = segments[0].translation
    reference = "محادثات في باريس\n\nالتقى ديرمر بالشيباني. جملة زائدة هنا.\n\nوناقشا السويداء."
    services.translation_set_reference(
        translation=translation, reference_text=reference, user=admin
    )
    joined = " ".join(s.reference_text for s in translation.segments.order_by("position"))
    for sentence in ("محادثات في باريس", "التقى ديرمر بالشيباني.", "جملة زائدة هنا."):
        assert sentence in joined


def test_a_new_reference_replaces_the_old_and_its_cached_statistics(segments, admin, project):
    translation = segments[0].translation
    services.translation_set_reference(
        translation=translation, reference_text="محادثات في باريس\n\nشيء آخر.", user=admin
    )
    reports.load_report_data(project, Segment.objects.filter(translation=translation))
    assert all(s.score_stats for s in translation.segments.all())
    had_reference = set(
        translation.segments.exclude(reference_text="")
        .exclude(position=0)
        .values_list("pk", flat=True)
    )
    count = services.translation_set_reference(
        translation=translation, reference_text="محادثات في باريس", user=admin
    )
    assert count == 1 and had_reference
    for segment in translation.segments.all():
        assert segment.reference_text == ("محادثات في باريس" if segment.position == 0 else "")
        assert (segment.score_stats is None) == (segment.pk in had_reference)


@pytest.mark.parametrize("reference", ["", "  \n\n \t ", "\n"])
def test_an_empty_reference_is_refused_and_changes_nothing(segments, admin, reference):
    translation = segments[0].translation
    services.translation_set_reference(
        translation=translation, reference_text="محادثات في باريس", user=admin
    )
    with pytest.raises(services.ReviewError, match="empty"):
        services.translation_set_reference(
            translation=translation, reference_text=reference, user=admin
        )
    assert translation.segments.get(position=0).reference_text == "محادثات في باريس"
