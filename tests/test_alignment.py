import random
from pathlib import Path

import numpy as np
import pytest

from reviewapp.alignment import (
    AlignedSegment,
    Link,
    _align_groups,
    _anchor_tables,
    _distinct_entries,
    _expand,
    _prefix,
    _Sides,
    align_document,
    align_segmented,
    align_sentences,
    format_links,
    gale_church,
    parse_links,
    score_alignments,
    sentence_anchors,
)
from reviewapp.segmentation import join_sentences, segment_document, split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "alignment"
DEMO = ROOT / "reviewapp" / "demo_data"


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def gold_set(name: str) -> tuple[list[str], list[str], list[Link]]:
    return (
        read_lines(GOLD / f"{name}.en"),
        read_lines(GOLD / f"{name}.ar"),
        parse_links((GOLD / f"{name}.enar").read_text(encoding="utf-8")),
    )


def demo_text(lang: str, as_one_block: bool) -> str:
    text = (DEMO / f"paris-talks.{lang}.txt").read_text(encoding="utf-8")
    return " ".join(split_paragraphs(text)) if as_one_block else text


def segment_f1(expected: list[tuple[str, str]], segments: list[AlignedSegment]) -> float:
    """Strict F1 of aligned segments against the expected (source, target) pairs."""
    found = {(segment.source, segment.target) for segment in segments}
    wanted = set(expected)
    hits = len(found & wanted)
    if not hits:
        return 0.0
    precision, recall = hits / len(found), hits / len(wanted)
    return 2 * precision * recall / (precision + recall)


def assert_covers_once(links: list[Link], source_count: int, target_count: int) -> None:
    assert [i for source, _ in links for i in source] == list(range(source_count))
    assert [j for _, target in links for j in target] == list(range(target_count))
    assert all(source or target for source, target in links)


@pytest.mark.parametrize(("mode", "as_one_block"), [("paragraphs", False), ("block", True)])
def test_demo_gold_sentences_are_what_the_segmenter_produces(mode: str, as_one_block: bool) -> None:
    for lang in ("en", "ar"):
        document = segment_document(demo_text(lang, as_one_block), lang)
        sentences = [sentence for paragraph in document for sentence in paragraph]
        assert sentences == read_lines(GOLD / f"paris-talks.{mode}.{lang}")


@pytest.mark.parametrize(
    ("mode", "source_block", "target_block"),
    [
        ("paragraphs", False, False),
        ("block", True, True),
    ],
)
def test_demo_article_aligns(mode: str, source_block: bool, target_block: bool) -> None:
    source, target, links = gold_set(f"paris-talks.{mode}")
    expected = [
        (join_sentences([source[i] for i in s], "en"), join_sentences([target[j] for j in t], "ar"))
        for s, t in links
    ]
    segments = align_document(
        demo_text("en", source_block), demo_text("ar", target_block), "en", "ar"
    )
    assert segment_f1(expected, segments) >= 0.97


def test_demo_article_paragraph_numbers() -> None:
    by_paragraph = align_document(demo_text("en", False), demo_text("ar", False), "en", "ar")
    assert [segment.paragraph for segment in by_paragraph] == list(range(21))
    # Only the source keeps its paragraphs: numbers still come from the source side.
    mixed = align_document(demo_text("en", False), demo_text("ar", True), "en", "ar")
    numbers = [segment.paragraph for segment in mixed]
    assert numbers == sorted(numbers)
    assert numbers[-1] == 20
    assert " ".join(segment.source for segment in mixed) == demo_text("en", True)


# Development documents were used to choose the aligner's parameters; the held-out
# ones (other topics, built from heldout_pool_*.tsv) never were. Thresholds sit just
# below the measured figures (news-a 0.972, news-b 0.967, held-out 1.0 strict F1) so
# that losing two or three links fails.
@pytest.mark.parametrize(
    ("names", "strict_f1", "lax_f1"),
    [
        (["news-a", "news-b"], 0.95, 0.97),
        (["heldout-sport-weather", "heldout-economy-science"], 0.95, 0.97),
    ],
)
def test_long_english_arabic_documents(names: list[str], strict_f1: float, lax_f1: float) -> None:
    documents = [gold_set(name) for name in names]
    ours: list[list[Link]] = []
    baseline: list[list[Link]] = []
    for source, target, _ in documents:
        assert len(source) >= 35
        links = align_sentences(source, target, "en", "ar")
        assert_covers_once(links, len(source), len(target))
        ours.append(links)
        baseline.append(gale_church([len(s) for s in source], [len(t) for t in target]))
    gold = [links for _, _, links in documents]
    scores = score_alignments(gold, ours)
    assert scores.strict_f1 >= strict_f1
    assert scores.lax_f1 >= lax_f1
    assert scores.strict_f1 > score_alignments(gold, baseline).strict_f1


# Sizes of consecutive groups cut from news-a then news-b: sides of one or none, sizes
# that pad to the same batch and to different ones, and one past the initial band's
# half width, which is solved alone in its own band. Arabic to English too, for names
# written with capitals on the target side, which look for source words in a window.
@pytest.mark.parametrize("arabic_source", [False, True])
@pytest.mark.parametrize(
    "sizes",
    [
        [(1, 1), (2, 3), (5, 4), (0, 2), (3, 0), (7, 7), (12, 9), (4, 6), (1, 1), (8, 8)],
        [(31, 29), (2, 2), (30, 30), (3, 5), (1, 9), (9, 1)],
    ],
)
def test_groups_solved_together_link_as_each_alone(
    sizes: list[tuple[int, int]], arabic_source: bool
) -> None:
    english_a, arabic_a, _ = gold_set("news-a")
    english_b, arabic_b, _ = gold_set("news-b")
    source, target = english_a + english_b, arabic_a + arabic_b
    source_lang, target_lang = "en", "ar"
    if arabic_source:
        source, target, source_lang, target_lang = target, source, target_lang, source_lang
    ratio = sum(map(len, target)) / sum(map(len, source))
    groups = []
    source_start = target_start = 0
    for source_count, target_count in sizes:
        groups.append((source_start, source_count, target_start, target_count))
        source_start += source_count
        target_start += target_count
    assert source_start <= len(source) and target_start <= len(target)
    sides = _Sides(
        _prefix(map(len, source)),
        _prefix(map(len, target)),
        *_anchor_tables(source, source_lang, target, target_lang),
        ratio,
    )
    alone = [
        align_sentences(
            source[source_start : source_start + source_count],
            target[target_start : target_start + target_count],
            source_lang,
            target_lang,
            length_ratio=ratio,
        )
        for source_start, source_count, target_start, target_count in groups
    ]
    assert _align_groups(sides, groups) == alone


def test_align_segmented_is_align_document_on_split_texts() -> None:
    english, arabic = demo_text("en", False), demo_text("ar", True)
    assert align_segmented(
        segment_document(english, "en"), segment_document(arabic, "ar"), "en", "ar"
    ) == align_document(english, arabic, "en", "ar")


@pytest.mark.parametrize("seed", range(5))
def test_expand_lists_every_value_of_every_item_in_order(seed: int) -> None:
    generator = random.Random(seed)
    values = [
        [generator.randrange(1000) for _ in range(generator.choice([0, 0, 1, 2, 5]))]
        for _ in range(40)
    ]
    numbers = [generator.randrange(len(values)) for _ in range(300)]
    positions, expanded = _expand(np.array(numbers, dtype=np.int32), values)
    expected = [(p, value) for p, number in enumerate(numbers) for value in values[number]]
    assert list(zip(positions.tolist(), expanded.tolist(), strict=True)) == expected
    assert _expand(np.zeros(0, dtype=np.int32), values)[0].tolist() == []


@pytest.mark.parametrize("seed", range(5))
def test_distinct_entries_are_sorted_by_row_then_key(seed: int) -> None:
    generator = random.Random(seed)
    entries = [(generator.randrange(50), generator.randrange(200)) for _ in range(500)]
    rows, keys = _distinct_entries(
        np.array([row for row, _ in entries], dtype=np.int32),
        np.array([key for _, key in entries], dtype=np.int32),
    )
    assert rows.dtype == keys.dtype == np.int32
    assert list(zip(rows.tolist(), keys.tolist(), strict=True)) == sorted(set(entries))


def test_paragraph_anchors_keep_the_kinds_of_their_sentences() -> None:
    english = segment_document(demo_text("en", False), "en")
    arabic = segment_document(demo_text("ar", False), "ar")
    source, target = (
        [sentence for paragraph in document for sentence in paragraph]
        for document in (english, arabic)
    )
    for table, document in zip(
        _anchor_tables(source, "en", target, "ar"), (english, arabic), strict=True
    ):
        paragraph_of = [number for number, paragraph in enumerate(document) for _ in paragraph]
        merged = table.merged(np.array(paragraph_of, dtype=np.int32), len(document))
        kinds = dict(zip(table.key_ids.tolist(), table.key_kinds.tolist(), strict=True))
        expected = {
            (paragraph_of[row], key, kinds[key])
            for row, key in zip(table.key_rows.tolist(), table.key_ids.tolist(), strict=True)
        }
        found = zip(
            merged.key_rows.tolist(),
            merged.key_ids.tolist(),
            merged.key_kinds.tolist(),
            strict=True,
        )
        assert sorted(found) == sorted(expected)
        assert len(set(kinds.values())) == 3  # numbers, marks and cognates all met


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ([], []),
        (["Only source."], []),
        ([], ["فقط الهدف."]),
        (["One.", "Two.", "Three."], ["واحد.", "اثنان.", "ثلاثة."]),
        (["A long first sentence about 1948 and the talks.", "B."], ["جملة طويلة عن 1948."]),
    ],
)
def test_links_are_monotonic_and_cover_every_sentence(source: list[str], target: list[str]) -> None:
    assert_covers_once(align_sentences(source, target, "en", "ar"), len(source), len(target))


def test_merged_translation_becomes_a_two_to_one_link() -> None:
    source = [
        "The talks lasted 3 hours.",
        "Ron Dermer left first.",
        "Asaad al-Shaibani stayed in Paris.",
        "Why did they meet?",
    ]
    target = [
        "استمرت المحادثات 3 ساعات.",
        "غادر رون ديرمر أولا، وبقي أسعد الشيباني في باريس.",
        "لماذا التقيا؟",
    ]
    assert align_sentences(source, target, "en", "ar") == [
        ((0,), (0,)),
        ((1, 2), (1,)),
        ((3,), (2,)),
    ]


@pytest.mark.parametrize(
    ("sentence", "lang", "numbers"),
    [
        ("It cost 1,500 dollars in 1973.", "en", {"1500", "1973"}),
        ("بلغت الكلفة ١٬٥٠٠ دولار عام ١٩٧٣.", "ar", {"1500", "1973"}),
        ("در سال ۱۹۷۳ بود.", "fa", {"1973"}),
        # Round thousands also count thousands, as "19 ألف" writes them.
        ("About 19,000 people left.", "en", {"19000", "19", "thousand"}),
        ("غادر نحو 19 ألف شخص.", "ar", {"19", "thousand"}),
        # Separators are dropped whatever the script: Swiss apostrophes, decimal points,
        # non-breaking spaces.
        ("Die Hütte liegt auf 2'500 Metern, 3.5 Stunden entfernt.", "de", {"2500", "35"}),
        (
            "La cabane est à 2\u202f500 mètres, à 12’000 pas.",
            "fr",
            {"2500", "12000", "12", "thousand"},
        ),
        (
            "Officials hope to vaccinate 2 million people by July.",
            "en",
            {"2", "million", "month:7"},
        ),
        ("ويأمل المسؤولون في تطعيم مليوني شخص بحلول تموز.", "ar", {"2", "million", "month:7"}),
        ("وبحلول يوليو سجل مرتين خلال ثلاث ساعات.", "ar", {"month:7", "2", "3"}),
        ("He scored twice in three hours in July.", "en", {"2", "3", "month:7"}),
        # "الاثنين" is Monday far more often than "the two".
        ("وستبقى المدارس مغلقة يوم الاثنين.", "ar", set()),
        ("Zwei Bergsteiger erreichten im Juli 1988 den Gipfel.", "de", {"2", "month:7", "1988"}),
        ("Deux alpinistes atteignirent le sommet en juillet 1988.", "fr", {"2", "month:7", "1988"}),
        # Languages without listed number words (here Swahili) still get their digits.
        ("Ikiwa watu wawili walifika 1988.", "sw", {"1988"}),
    ],
)
def test_numbers_are_normalised_across_digit_systems(
    sentence: str, lang: str, numbers: set[str]
) -> None:
    assert set(sentence_anchors(sentence, lang).numbers) == numbers


@pytest.mark.parametrize(
    ("name", "rendering"),
    [("Dermer", "ديرمر"), ("Shaibani", "الشيباني"), ("Azerbaijan", "أذربيجان"), ("Baku", "باكو")],
)
def test_names_meet_their_arabic_transliterations(name: str, rendering: str) -> None:
    english = sentence_anchors(f"They met {name} today.", "en")
    arabic = sentence_anchors(f"التقوا {rendering} اليوم.", "ar")
    assert any(keys & arabic.word_keys for keys in english.names)


def test_cjk_segments_are_joined_without_spaces() -> None:
    segments = align_document("我们到了。你呢？", "We arrived. And you?", "zh", "en")
    assert [(segment.source, segment.target) for segment in segments] == [
        ("我们到了。", "We arrived."),
        ("你呢？", "And you?"),
    ]


@pytest.mark.parametrize(
    ("gold", "test", "strict_f1", "lax_f1"),
    [
        ([((0,), (0,)), ((1,), (1,))], [((0,), (0,)), ((1,), (1,))], 1.0, 1.0),
        # A 2-1 link where the gold has 1-1 and 1-0: no strict hit, one lax hit.
        ([((0,), (0,)), ((1,), ())], [((0, 1), (0,))], 0.0, 1.0),
        ([((0,), (1,)), ((1,), (0,))], [((0,), (0,)), ((1,), (1,))], 0.0, 0.0),
    ],
)
def test_scores(gold: list[Link], test: list[Link], strict_f1: float, lax_f1: float) -> None:
    scores = score_alignments([gold], [test])
    assert scores.strict_f1 == pytest.approx(strict_f1)
    assert scores.lax_f1 == pytest.approx(lax_f1)


def test_links_round_trip_through_the_text_format() -> None:
    links: list[Link] = [((0, 1), (0,)), ((), (1,)), ((2,), ())]
    assert parse_links(format_links(links)) == links


def test_gale_church_links_equal_lengths_one_to_one() -> None:
    lengths = [40, 80, 25, 60, 100]
    assert gale_church(lengths, lengths) == [((i,), (i,)) for i in range(len(lengths))]
