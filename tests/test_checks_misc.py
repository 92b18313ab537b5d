"""Numbers, untranslated text, punctuation, glossary, phrasing, consistency, fixes, and
the text helpers they share."""

import gc

import pytest

from reviewapp.checks import (
    CHECKS,
    CheckContext,
    GlossaryEntry,
    PhrasingRule,
    SegmentPair,
    propose_fix_everywhere,
    run_checks,
)
from reviewapp.checks.text import (
    TargetWord,
    Word,
    has_latin_letters,
    is_latin_script_text,
    target_words,
    with_readings,
    words,
)


def kinds(
    source: str,
    target: str,
    check_id: str,
    context: CheckContext | None = None,
    target_lang: str = "ar",
) -> list[str]:
    pair = SegmentPair(1, source, target, "en", target_lang)
    return sorted(
        finding.kind
        for _, finding in run_checks([pair], context or CheckContext())
        if finding.check_id == check_id
    )


def test_every_check_describes_itself() -> None:
    for check_id, check in CHECKS.items():
        assert check.check_id == check_id and check.name and check.description


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("It began on 13 July.", "بدأ في 13 يوليو.", []),
        ("It began on 13 July.", "بدأ في ١٣ يوليو.", []),
        ("It began on 13 July.", "بدأ في ۱۳ يوليو.", []),
        ("Since 1948 and 1973.", "منذ عام 1948 و1973.", []),
        ("It costs 1,500.5 dollars.", "يكلف ١٬٥٠٠٫٥ دولار.", []),
        ("Up 12.5% this year.", "ارتفع ١٢٫٥٪ هذا العام.", []),
        ("It began on 13 July.", "بدأ في 14 يوليو.", ["number_changed"]),
        ("Since 1948 and 1973.", "منذ عام 1948.", ["number_missing"]),
        ("It began in July.", "بدأ في 3 يوليو.", ["number_added"]),
    ],
)
def test_numbers(source: str, target: str, expected: list[str]) -> None:
    assert kinds(source, target, "numbers") == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Talks resumed.", "", ["empty"]),
        ("Talks resumed.", "Talks resumed.", ["identical"]),
        ("Talks resumed in earnest.", "استؤنفت المحادثات in earnest.", ["untranslated"]),
        ("Talks resumed in earnest.", "استؤنفت المحادثات بـearnest.", ["untranslated"]),
        ("Reporters from the BBC attended.", "حضر صحفيون من BBC.", []),
        ("OpenAI raised funds.", "جمعت OpenAI أموالا.", []),
        ("Talks resumed.", "استؤنفت المحادثات.", []),
        ("1948", "1948", []),
    ],
)
def test_untranslated(source: str, target: str, expected: list[str]) -> None:
    assert kinds(source, target, "untranslated") == expected


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("قال إن المحادثات ، جرت في باريس.", ["punctuation_space"]),
        ("هل جرت المحادثات ؟", ["punctuation_space"]),
        ("قال إن المحادثات، جرت في باريس.", []),
        ("قال إن المحادثات, جرت في باريس.", ["latin_punctuation"]),
        ("هل جرت المحادثات?", ["latin_punctuation"]),
        ("بلغ 3,5 في المئة.", []),
        ("قال “إن المحادثات جرت.", ["unbalanced"]),
        ("قال (إن المحادثات جرت.", ["unbalanced"]),
        ("قال “إن المحادثات” (جرت).", []),
        ("قال  إن المحادثات جرت.", ["double_space"]),
        ("قال إن إن المحادثات جرت.", ["repeated_word"]),
    ],
)
def test_punctuation(target: str, expected: list[str]) -> None:
    assert kinds("He said the talks took place.", target, "punctuation") == expected


def test_latin_punctuation_only_applies_to_arabic_script() -> None:
    assert kinds("Yes, he said?", "Oui, dit-il ?", "punctuation", target_lang="fr") == []


GLOSSARY = CheckContext(glossary=[GlossaryEntry("ceasefire", "وقف إطلاق النار", "house style")])


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("The ceasefire held.", "صمد وقف إطلاق النار.", []),
        ("The ceasefire held.", "صمد وقفُ إطلاقِ النار.", []),
        ("The ceasefire held.", "صمدت الهدنة.", ["glossary"]),
        ("The talks held.", "صمدت المحادثات.", []),
    ],
)
def test_glossary(source: str, target: str, expected: list[str]) -> None:
    assert kinds(source, target, "glossary", GLOSSARY) == expected


@pytest.mark.parametrize(
    ("source", "target", "expected_suggestion"),
    [
        ("Israeli strikes hit the south.", "ضربت الإضرابات الإسرائيلية الجنوب.", "ضربات"),
        ("Syria's territorial integrity.", "النزاهة الإقليمية لسوريا.", "وحدة الأراضي"),
        ("to calm sectarian strains", "لتهدئة السلالات الطائفية", "التوترات الطائفية"),
        ("de-escalation talks", "محادثات إلغاء التصعيد", "خفض التصعيد"),
        ("on the Golan Heights", "على ارتفاع الجولان", "مرتفعات الجولان"),
    ],
)
def test_default_phrasing_rules(source: str, target: str, expected_suggestion: str) -> None:
    pair = SegmentPair(1, source, target, "en", "ar")
    suggestions = [f.suggestion for _, f in run_checks([pair]) if f.check_id == "phrasing"]
    assert suggestions == [expected_suggestion]


@pytest.mark.parametrize(
    ("source", "expected"),
    [("Air strikes continued.", ["phrasing"]), ("Workers walked out.", [])],
)
def test_phrasing_rule_needs_its_source_condition(source: str, expected: list[str]) -> None:
    assert kinds(source, "استمرت الإضرابات.", "phrasing") == expected


def test_project_regex_rule_and_disabling_defaults() -> None:
    context = CheckContext(
        phrasing_rules=[PhrasingRule(r"ال?حكوم(ي|ية)", True, "Say state.", "الرسمية")],
        use_default_phrasing_rules=False,
    )
    assert kinds(
        "Israeli strikes, state media.", "الإضرابات والإعلام الحكومي", "phrasing", context
    ) == ["phrasing"]


def test_consistency_reports_the_minority_rendering() -> None:
    pairs = [
        SegmentPair(1, "Shaibani met Dermer.", "التقى الشيباني ديرمر.", "en", "ar"),
        SegmentPair(2, "Shaibani spoke.", "تحدث الشيباني.", "en", "ar"),
        SegmentPair(3, "Then Shaibani left.", "ثم غادر الشباني.", "en", "ar"),
    ]
    findings = [(p, f) for p, f in run_checks(pairs) if f.check_id == "consistency"]
    assert [(p, f.target_text, f.suggestion) for p, f in findings] == [(3, "الشباني", "شيباني")]


def test_disabled_checks_do_not_run() -> None:
    pair = SegmentPair(1, "Talks resumed.", "", "en", "ar")
    assert run_checks([pair], disabled={"untranslated"}) == []


@pytest.mark.parametrize(
    ("targets", "wrong", "right", "expected_texts"),
    [
        (["بين شيباني والأمراض الجلدية", "رون الأمراض الجلدية"], "الأمراض الجلدية", "ديرمر", 2),
        (["في سويدا", "في السويداء", "سويدان"], "سويدا", "السويداء", 1),
        (["وقال إن إسرائيل", "واسرائيل ردت"], "إسرائيل", "إسرائيل", 1),
        (["ألغيت الإضرابات", "إضرابات"], "اضرابات", "ضربات", 1),
    ],
)
def test_propose_fix_everywhere(
    targets: list[str], wrong: str, right: str, expected_texts: int
) -> None:
    pairs = [SegmentPair(i, "source", text, "en", "ar") for i, text in enumerate(targets, 1)]
    proposals = propose_fix_everywhere(pairs, wrong, right)
    assert len(proposals) == expected_texts
    for position, start, end, new_text in proposals:
        original = pairs[position - 1].target[start:end]
        assert new_text == right and original != right


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("It fell by .5 points.", "انخفض 5 نقاط.", ["number_added"]),
        ("Pages 1,234,567.", "الصفحات 1,234,567.", []),
        ("It was 12 and 13.", "كان 13 و12.", []),
    ],
)
def test_numbers_separators_and_order(source: str, target: str, expected: list[str]) -> None:
    assert kinds(source, target, "numbers") == expected


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("He said the talks took place.", 'قال "إن المحادثات جرت.', ["unbalanced"]),
        ('He said "the talks took place.', 'قال "إن المحادثات جرت.', []),
        ("He said the talks took place.", "قال المحادثات المحادثات جرت.", ["repeated_word"]),
        ("The the talks took place.", "جرت المحادثات. The the", []),
        ("He said the talks took place.", "قال Talks talks جرت.", ["repeated_word"]),
    ],
)
def test_punctuation_compares_with_the_source(
    source: str, target: str, expected: list[str]
) -> None:
    assert kinds(source, target, "punctuation") == expected


# Several rules, so that their conditions are searched together; each applies exactly
# when its condition, a regex, matches the source as a whole phrase.
CONDITIONED_RULES = CheckContext(
    phrasing_rules=[
        PhrasingRule("إضرابات", False, "strikes", source_condition="strikes?"),
        PhrasingRule("ارتفاع", False, "heights", source_condition="Heights"),
        PhrasingRule("الهدنة", False, "truce", source_condition="truce|ceasefire"),
        PhrasingRule("التصعيد", False, "escalation", source_condition=r"(de)-\1?escalat\w+"),
        PhrasingRule("المتحدة", False, "U.S.", source_condition="U.S."),
    ],
    use_default_phrasing_rules=False,
)


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("Air strikes continued.", "استمرت الإضرابات.", [("strikes", "إضرابات")]),
        ("Airstrikes continued.", "استمرت الإضرابات.", []),
        (
            "A strike, then the Heights.",
            "إضرابات على ارتفاع",
            [("strike", "إضرابات"), ("Heights", "ارتفاع")],
        ),
        ("The ceasefire held.", "صمدت الهدنة.", [("ceasefire", "الهدنة")]),
        # The condition's alternation is its own: "truce" needs no word boundary after.
        ("The truces held.", "صمدت الهدنة.", [("truce", "الهدنة")]),
        ("De-escalation talks.", "محادثات إلغاء التصعيد", [("De-escalation", "التصعيد")]),
        ("UXSY said.", "قالت الولايات المتحدة", [("UXSY", "المتحدة")]),
        ("The US said.", "قالت الولايات المتحدة", []),
    ],
)
def test_phrasing_rule_conditions(
    source: str, target: str, expected: list[tuple[str, str]]
) -> None:
    pair = SegmentPair(1, source, target, "en", "ar")
    found = [
        (finding.source_text, finding.target_text)
        for _, finding in run_checks([pair], CONDITIONED_RULES)
        if finding.check_id == "phrasing"
    ]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("The ceasefire and the talks held.", ["glossary"]),
        ("The ceasefire held.", []),
        ("Ceasefires held.", []),
        ("No term here.", []),
    ],
)
def test_glossary_with_several_terms(source: str, expected: list[str]) -> None:
    context = CheckContext(
        glossary=[
            GlossaryEntry("ceasefire", "وقف إطلاق النار"),
            GlossaryEntry("talks", "المحادثات"),
        ]
    )
    assert kinds(source, "صمد وقف إطلاق النار.", "glossary", context) == expected


@pytest.mark.parametrize("collecting", [True, False])
def test_run_checks_leaves_the_cycle_collector_as_it_was(collecting: bool) -> None:
    was_collecting = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        run_checks([SegmentPair(1, "Talks resumed.", "", "en", "ar")])
        assert gc.isenabled() == collecting
    finally:
        (gc.enable if was_collecting else gc.disable)()


@pytest.mark.parametrize(
    ("text", "has_latin", "mostly_latin"),
    [
        ("باريس", False, False),
        ("Paris", True, True),
        ("في Paris", True, True),
        ("في باريس Paris", True, False),
        ("", False, True),
        ("١٢٣ - 45", False, True),
        # Arabic presentation forms lie outside the Arabic block.
        ("ﻻ", False, False),
        ("Ça", True, True),
        ("Ελλάδα", False, False),
    ],
)
def test_text_scripts(text: str, has_latin: bool, mostly_latin: bool) -> None:
    assert has_latin_letters(text) == has_latin
    assert is_latin_script_text(text) == mostly_latin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O'Brien's talks", [(0, 7, "O'Brien"), (8, 9, "s"), (10, 15, "talks")]),
        ("وقال 12 ab_cd", [(0, 4, "وقال"), (8, 10, "ab"), (11, 13, "cd")]),
        # Vowel signs and shadda are part of the word they sit on.
        ("وقّعت عُمان", [(0, 5, "وقّعت"), (6, 11, "عُمان")]),
        ("café́", [(0, 5, "café́")]),
        # A conjunction joined to a Latin word is a word of its own.
        ("علي بابا وTencent", [(0, 3, "علي"), (4, 8, "بابا"), (9, 10, "و"), (10, 17, "Tencent")]),
        ("", []),
    ],
)
def test_words_and_target_words(text: str, expected: list[tuple[int, int, str]]) -> None:
    split = words(text)
    assert split == expected and all(isinstance(word, Word) for word in split)
    readings = target_words(text, "ar")
    assert readings == with_readings(split, "ar")
    assert [(word.start, word.end, word.text) for word in readings] == expected
    assert all(isinstance(word, TargetWord) and word.stems for word in readings)
