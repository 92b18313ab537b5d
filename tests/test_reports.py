"""Report figures from the review data, checked against sacrebleu's own API on the same texts."""

from __future__ import annotations

import pytest
import sacrebleu

from reviewapp import reports, scoring, services
from reviewapp.models import Segment
from tests.test_scoring import DEMO_DATA, DEMO_MT, DEMO_POST_EDIT, paragraphs

DEMO_SOURCE = paragraphs(DEMO_DATA / "paris-talks.en.txt")
DERMER = "الأمراض الجلدية"


def sacrebleu_scores(hypotheses: list[str], references: list[str], lang: str) -> dict:
    """Each figure and signature straight from sacrebleu's corpus_score."""
    settings = scoring.metric_settings(lang)
    metrics = {
        scoring.BLEU_KEY: sacrebleu.BLEU(tokenize=settings.bleu_tokenizer),
        scoring.CHRF_KEY: sacrebleu.CHRF(),
        scoring.CHRF_PLUS_KEY: sacrebleu.CHRF(word_order=2),
        scoring.TER_KEY: sacrebleu.TER(
            normalized=settings.ter_asian_support, asian_support=settings.ter_asian_support
        ),
    }
    return {
        key: (metric.corpus_score(hypotheses, [references]).score, metric.get_signature().format())
        for key, metric in metrics.items()
    }


def assert_matches(figures: dict[str, scoring.MetricScore] | None, expected: dict) -> None:
    assert figures is not None
    for key, (score, signature) in expected.items():
        assert figures[key].score == pytest.approx(score, abs=1e-9), key
        assert figures[key].signature == signature, key


def segment_lists(segments: list[Segment]) -> tuple[list[str], list[str]]:
    return [s.mt_text for s in segments], [s.text for s in segments]


@pytest.fixture
def demo(project, editor, other_editor):
    """The demo article from two MT systems; the editors correct the first system, one half
    each, and a reference translation is imported for every other paragraph."""
    pairs = [
        services.SegmentPair(number, source, target)
        for number, (source, target) in enumerate(zip(DEMO_SOURCE, DEMO_MT, strict=True))
    ]
    document = services.document_create(
        project=project,
        title="Talks in Paris",
        source_lang="en",
        target_lang="ar",
        pairs=pairs,
        user=None,
        system="Engine A",
    )
    # The second engine already gets the even paragraphs right.
    services.translation_create(
        document=document,
        system="Engine B",
        pairs=[
            services.SegmentPair(n, source, DEMO_POST_EDIT[n] if n % 2 == 0 else DEMO_MT[n])
            for n, source in enumerate(DEMO_SOURCE)
        ],
    )
    first = document.translations.get(system="Engine A")
    for segment in first.segments.order_by("position"):
        corrected = DEMO_POST_EDIT[segment.position]
        if corrected != segment.text:
            user = editor if segment.position < len(DEMO_MT) // 2 else other_editor
            services.segment_save_text(segment=segment, user=user, text=corrected, base_version=0)
        if segment.position % 2 == 0:
            Segment.objects.filter(pk=segment.pk).update(reference_text=corrected)
    return document


def translation_segments(document, system: str) -> list[Segment]:
    return list(document.translations.get(system=system).segments.order_by("position"))


def test_document_and_system_scores_are_sacrebleu_corpus_scores(demo):
    report = reports.document_report(demo)
    engine_a, engine_b = (
        translation_segments(demo, "Engine A"),
        translation_segments(demo, "Engine B"),
    )
    systems = {scores.label: scores for scores in report.systems}
    for name, segments in (("Engine A", engine_a), ("Engine B", engine_b)):
        assert_matches(systems[name].post_edit, sacrebleu_scores(*segment_lists(segments), "ar"))
    hypotheses, references = segment_lists(engine_a + engine_b)
    (overall,) = report.overall
    assert overall.segments == len(engine_a) + len(engine_b)
    assert_matches(overall.post_edit, sacrebleu_scores(hypotheses, references, "ar"))


def test_reference_scores_cover_the_segments_with_a_reference(demo):
    report = reports.document_report(demo)
    with_reference = [s for s in translation_segments(demo, "Engine A") if s.reference_text]
    systems = {scores.label: scores for scores in report.systems}
    assert systems["Engine A"].reference_segments == len(with_reference)
    assert systems["Engine B"].reference is None
    assert_matches(
        systems["Engine A"].reference,
        sacrebleu_scores(
            [s.mt_text for s in with_reference], [s.reference_text for s in with_reference], "ar"
        ),
    )


def test_editor_scores_cover_the_segments_whose_latest_revision_is_theirs(
    demo, editor, other_editor
):
    segments = translation_segments(demo, "Engine A")
    taken_over = next(s for s in segments if s.version and s.revisions.get().author == editor)
    services.segment_save_text(
        segment=taken_over,
        user=other_editor,
        text=taken_over.text + " ",
        base_version=taken_over.version,
    )
    services.segment_save_text(
        segment=taken_over, user=other_editor, text=taken_over.text + " !", base_version=1
    )
    segments = translation_segments(demo, "Engine A")
    report = reports.document_report(demo)
    editors = {scores.label: scores for scores in report.editors}
    for user in (editor, other_editor):
        theirs = [s for s in segments if s.version and s.revisions.last().author == user]
        assert editors[user.username].segments == len(theirs)
        assert_matches(
            editors[user.username].post_edit, sacrebleu_scores(*segment_lists(theirs), "ar")
        )
    assert taken_over.pk not in {
        s.pk for s in segments if s.version and s.revisions.last().author == editor
    }


def test_project_scores_are_corpus_scores_per_target_language(demo, project, document):
    german = services.document_create(
        project=project,
        title="Gespräche",
        source_lang="en",
        target_lang="de",
        pairs=[
            services.SegmentPair(
                0, "Israeli strikes continued.", "Israelische Streiks gingen weiter."
            )
        ],
        user=None,
    )
    segment = german.segments().get()
    services.segment_save_text(
        segment=segment, user=None, text="Israelische Angriffe gingen weiter.", base_version=0
    )
    report = reports.project_report(project)
    overall = {scores.target_lang: scores for scores in report.overall}
    assert set(overall) == {"ar", "de"}
    arabic = [
        s
        for s in Segment.objects.filter(translation__document__target_lang="ar").order_by(
            "translation_id", "position"
        )
    ]
    assert_matches(overall["ar"].post_edit, sacrebleu_scores(*segment_lists(arabic), "ar"))
    assert_matches(
        overall["de"].post_edit, sacrebleu_scores(*segment_lists([german.segments().get()]), "de")
    )
    assert {d.pk for d, _ in report.documents} == {demo.pk, document.pk, german.pk}


def test_most_post_edited_segments_rank_by_sentence_chrf(demo):
    report = reports.document_report(demo)
    chrf = [figure.scores[scoring.CHRF_KEY] for figure in report.most_edited]
    assert chrf == sorted(chrf) and 0 < len(chrf) <= reports.TOP_SEGMENTS
    for figure in report.most_edited:
        row = figure.row
        assert figure.scores[scoring.CHRF_KEY] == pytest.approx(
            sacrebleu.sentence_chrf(row.mt_text, [row.text]).score
        )
        assert figure.scores[scoring.TER_KEY] == pytest.approx(
            sacrebleu.sentence_ter(row.mt_text, [row.text]).score
        )
        assert figure.scores[scoring.BLEU_KEY] == pytest.approx(
            sacrebleu.sentence_bleu(row.mt_text, [row.text]).score
        )


# WMT MQM weights (Freitag et al. 2021) as the product states them.
WMT_WEIGHTS = {
    ("other", "minor"): 1.0,
    ("other", "major"): 5.0,
    ("punctuation", "minor"): 0.1,
    ("untranslated", "major"): 25.0,
}


@pytest.mark.parametrize(
    ("flags", "critical_weight", "threshold"),
    [
        ([("other", "minor")], 25.0, 5.0),
        ([("other", "major"), ("punctuation", "minor"), ("punctuation", "minor")], 25.0, 30.0),
        ([("untranslated", "major")], 25.0, 500.0),
        ([("other", "critical"), ("other", "minor")], 10.0, 5.0),
        ([("other", "critical")], 100.0, 1000.0),
        ([], 25.0, 0.0),
    ],
)
def test_mqm_per_document_uses_wmt_weights_and_the_project_settings(
    document, segments, editor, flags, critical_weight, threshold
):
    project = document.project
    project.mqm_critical_weight, project.mqm_pass_threshold = critical_weight, threshold
    project.save()
    for category, severity in flags:
        services.flag_create(
            segment=segments[1],
            user=editor,
            side="target",
            start=0,
            end=5,
            version=0,
            category=category,
            severity=severity,
        )
    penalty = sum(
        critical_weight if severity == "critical" else WMT_WEIGHTS[category, severity]
        for category, severity in flags
    )
    words = sum(scoring.count_words(s.source_text) for s in segments)
    (overall,) = reports.document_report(document).overall
    assert overall.mqm.penalty == pytest.approx(penalty)
    assert overall.mqm.source_words == words
    assert overall.mqm.per_100_words == pytest.approx(100 * penalty / words)
    assert overall.mqm.passed == (100 * penalty / words <= threshold)
    penalised = reports.document_report(document).most_penalised
    assert [figure.mqm_penalty for figure in penalised] == (
        [pytest.approx(penalty)] if flags else []
    )


def test_an_edit_refreshes_the_cached_statistics(segments, editor):
    segment = segments[1]
    services.segment_save_text(
        segment=segment, user=editor, text="التقى رون ديرمر بأسعد الشيباني.", base_version=0
    )
    segment.refresh_from_db()
    assert (
        segment.score_stats[reports.POST_EDIT]
        == scoring.segment_statistics(segment.mt_text, segment.text, "ar").to_json()
    )
    assert segment.score_stats["fingerprint"] == reports.texts_fingerprint(
        "ar", segment.source_text, segment.mt_text, segment.text, ""
    )


def test_missing_and_stale_statistics_are_computed_once_and_stored(
    document, segments, django_assert_max_num_queries
):
    assert not Segment.objects.filter(score_stats__isnull=False).exists()
    assert reports.document_report(document).data.stats_computed == len(segments)
    assert not Segment.objects.filter(score_stats__isnull=True).exists()
    with django_assert_max_num_queries(6):
        assert reports.document_report(document).data.stats_computed == 0
    # A write that bypasses the revision path (an import, a bulk fix) leaves stale stats.
    Segment.objects.filter(pk=segments[2].pk).update(text="وناقشا السويداء.")
    report = reports.document_report(document)
    assert report.data.stats_computed == 1
    assert_matches(
        report.overall[0].post_edit,
        sacrebleu_scores(*segment_lists(list(document.segments().order_by("position"))), "ar"),
    )


def test_two_editors_agreement_and_differences(document, segments, editor, other_editor):
    segment = segments[1]
    start = segment.text.index(DERMER)
    first_word = DERMER.split()[0]
    for user, end, severity in (
        (editor, start + len(DERMER), "critical"),
        (other_editor, start + len(first_word), "major"),
    ):
        services.flag_create(
            segment=segment,
            user=user,
            side="target",
            start=start,
            end=end,
            version=0,
            category="mistranslated_name",
            severity=severity,
        )
    services.flag_create(
        segment=segments[3],
        user=other_editor,
        side="source",
        start=0,
        end=7,
        version=0,
        category="omission",
        severity="minor",
    )
    data = reports.load_report_data(document.project, document.segments())
    report = reports.editor_agreement(data, document.translations.get(), editor.pk, other_editor.pk)
    spans = report.figures.spans
    assert (spans.characters_a, spans.characters_b, spans.shared_characters) == (
        len(DERMER),
        len(first_word),
        len(first_word),
    )
    assert spans.f1 == pytest.approx(2 * len(first_word) / (len(DERMER) + len(first_word)))
    assert report.figures.flagged.percent_agreement == pytest.approx(100 * 3 / len(segments))
    first, second = report.differences
    assert "".join(run.text for run in first.runs) == segment.mt_text
    assert [(run.text, run.mark) for run in first.runs if run.mark] == [
        (first_word, "shared"),
        (DERMER[len(first_word) :], "only-a"),
    ]
    assert first.labels_a == ["Critical: Mistranslated name"]
    assert (
        second.row.position == 3
        and second.labels_a == []
        and second.labels_b == ["Minor: Omission"]
    )


def test_systems_are_ranked_against_the_reference_with_bootstrap(demo):
    for segment in Segment.objects.filter(translation__document=demo, reference_text=""):
        Segment.objects.filter(translation__document=demo, position=segment.position).update(
            reference_text=DEMO_POST_EDIT[segment.position]
        )
    data = reports.load_report_data(demo.project, demo.segments())
    comparison = reports.compare_document_systems(data, demo)
    assert comparison.references == "the imported reference translation"
    rankings = {ranking.system: ranking for ranking in comparison.rankings}
    for name in ("Engine A", "Engine B"):
        segments = translation_segments(demo, name)
        expected = sacrebleu.BLEU().corpus_score([s.mt_text for s in segments], [DEMO_POST_EDIT])
        assert rankings[name].bleu.score == pytest.approx(expected.score)
        assert rankings[name].mqm_per_100_words is not None
    assert comparison.rankings[0].system == "Engine B"
    assert comparison.rankings[1].chrf.p_value is not None


def test_one_system_is_not_ranked(document):
    data = reports.load_report_data(document.project, document.segments())
    assert reports.compare_document_systems(data, document) is None


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("abcdef", {}, [("abcdef", "")]),
        ("abcdef", {"shared": [(0, 2)]}, [("ab", "shared"), ("cdef", "")]),
        (
            "abcdef",
            {"only-a": [(4, 6)], "shared": [(1, 2)]},
            [("a", ""), ("b", "shared"), ("cd", ""), ("ef", "only-a")],
        ),
        ("abc", {"only-b": [(1, 9)]}, [("a", ""), ("bc", "only-b")]),
        ("شرق", {"only-a": [(0, 3)]}, [("شرق", "only-a")]),
    ],
)
def test_marked_runs(text, marks, expected):
    runs = reports.marked_runs(text, marks)
    assert [(run.text, run.mark) for run in runs] == expected
