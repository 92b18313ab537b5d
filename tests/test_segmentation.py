from pathlib import Path

import pytest

from reviewapp.segmentation import (
    join_sentences,
    joins_without_space,
    segment_document,
    split_paragraphs,
    split_sentences,
)

DEMO_DIR = Path(__file__).resolve().parent.parent / "reviewapp" / "demo_data"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\r\n\r\nTwo.\r\n", ["One.", "Two."]),
        ("One.\n \t \nTwo.", ["One.", "Two."]),
        ("One.\fTwo.", ["One.", "Two."]),
        ("\n\n  Title\nBody line.\n\n\n\nLast.  \n", ["Title\nBody line.", "Last."]),
        ("", []),
        (" \n \n", []),
    ],
)
def test_split_paragraphs(text: str, expected: list[str]) -> None:
    assert split_paragraphs(text) == expected


SENTENCE_CASES = [
    # English: abbreviations, initials, numbers, quotes, ellipses.
    (
        "en",
        "The talks took place in the U.S. on Monday. Officials said they went well.",
        ["The talks took place in the U.S. on Monday.", "Officials said they went well."],
    ),
    (
        "en",
        "He moved to the U.K. The move surprised his colleagues.",
        ["He moved to the U.K.", "The move surprised his colleagues."],
    ),
    (
        "en",
        "Dr. Smith met Mr. Jones and St. John at 9 a.m. on Jan. 5 in the city.",
        ["Dr. Smith met Mr. Jones and St. John at 9 a.m. on Jan. 5 in the city."],
    ),
    (
        "en",
        "The meeting ended at 5 p.m. The delegations left separately.",
        ["The meeting ended at 5 p.m.", "The delegations left separately."],
    ),
    (
        "en",
        "Some fruits, e.g. apples, are cheap, i.e. under a dollar. Prices vary.",
        ["Some fruits, e.g. apples, are cheap, i.e. under a dollar.", "Prices vary."],
    ),
    (
        "en",
        "J. R. R. Tolkien wrote it. Room No. 5 was free.",
        ["J. R. R. Tolkien wrote it.", "Room No. 5 was free."],
    ),
    (
        "en",
        "Inflation rose 3.5 percent. About 1,000 people marched.",
        ["Inflation rose 3.5 percent.", "About 1,000 people marched."],
    ),
    (
        "en",
        '"These talks are part of diplomatic efforts," SANA said. "We agree." Then they left.',
        [
            '"These talks are part of diplomatic efforts," SANA said.',
            '"We agree."',
            "Then they left.",
        ],
    ),
    (
        "en",
        "Both parties recognised “the need to step up aid.” Meanwhile, tensions remain high.",
        ["Both parties recognised “the need to step up aid.”", "Meanwhile, tensions remain high."],
    ),
    ("en", "“Why now?” he asked. Nobody knew.", ["“Why now?” he asked.", "Nobody knew."]),
    (
        "en",
        "He waited... and waited. Then it came… Nothing more was said.",
        ["He waited... and waited.", "Then it came…", "Nothing more was said."],
    ),
    (
        "en",
        "Quiet diplomacy in Paris as Syria and Israel talk ceasefire and security\n"
        "Syrian and Israeli ministers left a meeting in Paris.",
        [
            "Quiet diplomacy in Paris as Syria and Israel talk ceasefire and security",
            "Syrian and Israeli ministers left a meeting in Paris.",
        ],
    ),
    ("en", "Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
    ("en", "Visit example.com today.", ["Visit example.com today."]),
    # Arabic: ؟ ends, ، and ؛ do not, Arabic-Indic decimals and thousands.
    (
        "ar",
        "هل انتهت المحادثات؟ قال المسؤول إنها انتهت، لكن الخلاف باق.",
        ["هل انتهت المحادثات؟", "قال المسؤول إنها انتهت، لكن الخلاف باق."],
    ),
    (
        "ar",
        "رفضت الحكومة الاتهام؛ إذ أشارت إلى وصول قوافل المساعدات. وفي الوقت نفسه تظل التوترات "
        "عالية.",
        [
            "رفضت الحكومة الاتهام؛ إذ أشارت إلى وصول قوافل المساعدات.",
            "وفي الوقت نفسه تظل التوترات عالية.",
        ],
    ),
    (
        "ar",
        "ارتفع التضخم إلى ٣٫٥ في المئة. وتظاهر نحو ١٬٠٠٠ شخص في السويداء.",
        ["ارتفع التضخم إلى ٣٫٥ في المئة.", "وتظاهر نحو ١٬٠٠٠ شخص في السويداء."],
    ),
    (
        "ar",
        "وقالت سانا: “هذه المحادثات هي جزء من الجهود الدبلوماسية”. وفي الوقت نفسه ، تظل "
        "التوترات عالية على الأرض.",
        [
            "وقالت سانا: “هذه المحادثات هي جزء من الجهود الدبلوماسية”.",
            "وفي الوقت نفسه ، تظل التوترات عالية على الأرض.",
        ],
    ),
    (
        "ar",
        "قال د. أحمد «انتهى الأمر.» ثم غادر القاعة.",
        ["قال د. أحمد «انتهى الأمر.»", "ثم غادر القاعة."],
    ),
    (
        "ar",
        "انتظرنا... ثم جاء الخبر. أبلغت فرنسا عن الأعمال الوحشية\nاجتمعت الوفود في باريس.",
        ["انتظرنا... ثم جاء الخبر.", "أبلغت فرنسا عن الأعمال الوحشية", "اجتمعت الوفود في باريس."],
    ),
    # Other languages.
    (
        "de",
        "Er kam am 3. Oktober an. Das war z. B. gut. Die Zahl 1.000 stieg. Dann ging er.",
        [
            "Er kam am 3. Oktober an.",
            "Das war z. B. gut.",
            "Die Zahl 1.000 stieg.",
            "Dann ging er.",
        ],
    ),
    (
        "fr",
        "« Nous partons. » Il partit. M. Dupont est là ! Oui, 3,5 %.",
        ["« Nous partons. »", "Il partit.", "M. Dupont est là !", "Oui, 3,5 %."],
    ),
    (
        "es",
        "¿Qué pasa? ¡Nada! El Sr. García llegó.",
        ["¿Qué pasa?", "¡Nada!", "El Sr. García llegó."],
    ),
    (
        "ru",
        "Это было в 2020 г. в Москве. Т. е. давно. Он ушёл.",
        ["Это было в 2020 г. в Москве.", "Т. е. давно.", "Он ушёл."],
    ),
    ("zh", "我们到了。你呢？“好的！”他说。", ["我们到了。", "你呢？", "“好的！”", "他说。"]),
    ("ja", "東京に行きました。楽しかった！", ["東京に行きました。", "楽しかった！"]),
    ("he", "האם השיחות הסתיימו? כן, הן הסתיימו.", ["האם השיחות הסתיימו?", "כן, הן הסתיימו."]),
    (
        "fa",
        "مذاکرات کجا برگزار شد؟ در پاریس، دیروز.",
        ["مذاکرات کجا برگزار شد؟", "در پاریس، دیروز."],
    ),
    ("ur", "یہ کتاب ہے۔ وہ قلم ہے۔", ["یہ کتاب ہے۔", "وہ قلم ہے۔"]),
    # U+037E, the Greek question mark.
    ("el", "Τι έγινε\u037e Τίποτα.", ["Τι έγινε\u037e", "Τίποτα."]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), SENTENCE_CASES)
def test_split_sentences(lang: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


@pytest.mark.parametrize("lang", ["en", "ar", "fr"])
def test_split_sentences_keeps_every_character_but_spacing(lang: str) -> None:
    text = "One thing. Another thing? A third!\nA headline\n\nA last one."
    sentences = split_sentences(text, lang)
    assert "".join("".join(sentences).split()) == "".join(text.split())
    assert all("\n" not in sentence for sentence in sentences)


@pytest.mark.parametrize(
    ("lang", "sentences", "joined"),
    [
        ("en", ["A.", "B."], "A. B."),
        ("ar", ["أ.", "ب."], "أ. ب."),
        ("zh-CN", ["好。", "是。"], "好。是。"),
    ],
)
def test_join_sentences(lang: str, sentences: list[str], joined: str) -> None:
    assert join_sentences(sentences, lang) == joined
    assert joins_without_space(lang) == (" " not in joined)


@pytest.mark.parametrize(
    ("name", "lang"), [("paris-talks.en.txt", "en"), ("paris-talks.ar.txt", "ar")]
)
def test_demo_article_is_one_sentence_per_paragraph(name: str, lang: str) -> None:
    text = (DEMO_DIR / name).read_text(encoding="utf-8")
    document = segment_document(text, lang)
    assert len(document) == len(split_paragraphs(text)) == 21
    assert [len(paragraph) for paragraph in document] == [1] * 21
    assert [paragraph[0] for paragraph in document] == split_paragraphs(text)


@pytest.mark.parametrize(
    ("name", "lang"), [("paris-talks.en.txt", "en"), ("paris-talks.ar.txt", "ar")]
)
def test_demo_article_as_one_block_splits_at_sentence_ends(name: str, lang: str) -> None:
    paragraphs = split_paragraphs((DEMO_DIR / name).read_text(encoding="utf-8"))
    sentences = split_sentences(" ".join(paragraphs), lang)
    # Three headlines lack final punctuation and run into the next paragraph.
    assert len(sentences) == len(paragraphs) - 3
    assert " ".join(sentences) == " ".join(paragraphs)
