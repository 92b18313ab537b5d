"""Quality and speed of the automatic checks.

Usage: python benchmarks/checks_bench.py [NAME_TEST_SET.jsonl] [SEGMENTS]

Prints precision and recall per name finding kind on the labelled name test set (its
dev half, its held-out half and the whole) and on the fresh held-out sets, then the time
of all checks on two documents of SEGMENTS segment pairs (10,000 by default): one
cycled from the demo article and the test set, and one of distinct segments recombined
from names, numbers and phrases (varied_texts), so that caches of repeated words do not
flatter the figure. Each time stands beside a baseline measured in the same run: one
plain regex scan of the same text for words and numbers.
"""

import random
import re
import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewapp.checks import CheckContext, SegmentPair, run_checks  # noqa: E402
from reviewapp.checks.evaluation import load_test_set, score_names, split_half  # noqa: E402
from reviewapp.checks.names import clear_run_cache  # noqa: E402
from reviewapp.transliteration import clear_distance_cache, skeleton  # noqa: E402

DEFAULT_TEST_SET = ROOT / "tests" / "data" / "names" / "names.en-ar.jsonl"
FRESH_TEST_SET = ROOT / "tests" / "data" / "names" / "names-fresh.en-ar.jsonl"
# Each fresh set was written by someone who never saw the check, and scored once, blind,
# before its errors were studied (sets 1 and 2 before the check's rules were tuned on
# them; each later one after the one before it had been studied).
FRESH_TEST_SETS = (
    FRESH_TEST_SET,
    *(FRESH_TEST_SET.with_name(f"names-fresh{number}.en-ar.jsonl") for number in range(2, 40)),
)
DEMO_DIRECTORY = ROOT / "reviewapp" / "demo_data"
BASELINE_PATTERN = re.compile(r"\w+|\d+(?:[.,]\d+)?")

# Persons, places and news outlets with their usual Arabic renderings.
PEOPLE = (
    ("Asaad al-Shaibani", "أسعد الشيباني"),
    ("Ron Dermer", "رون ديرمر"),
    ("Tom Barrack", "توم باراك"),
    ("Mowafaq Tarif", "موفق طريف"),
    ("Bashar al-Assad", "بشار الأسد"),
    ("Emmanuel Macron", "إيمانويل ماكرون"),
    ("Olaf Scholz", "أولاف شولتس"),
    ("Volodymyr Zelensky", "فولوديمير زيلينسكي"),
    ("Antony Blinken", "أنتوني بلينكن"),
    ("Benjamin Netanyahu", "بنيامين نتنياهو"),
    ("Ahmed al-Sharaa", "أحمد الشرع"),
    ("Hakan Fidan", "هاكان فيدان"),
    ("Kaja Kallas", "كايا كالاس"),
    ("Geir Pedersen", "غير بيدرسن"),
    ("Ilham Aliyev", "إلهام علييف"),
    ("Keir Starmer", "كير ستارمر"),
    ("Friedrich Merz", "فريدريش ميرتس"),
    ("Pedro Sanchez", "بيدرو سانشيز"),
    ("Giorgia Meloni", "جورجيا ميلوني"),
    ("Steve Witkoff", "ستيف ويتكوف"),
    ("Marco Rubio", "ماركو روبيو"),
    ("Ayman Safadi", "أيمن الصفدي"),
    ("Najib Mikati", "نجيب ميقاتي"),
    ("Nabih Berri", "نبيه بري"),
    ("Abbas Araghchi", "عباس عراقجي"),
    ("Massoud Pezeshkian", "مسعود بزشكيان"),
)
PLACES = (
    ("Paris", "باريس"),
    ("Sweida", "السويداء"),
    ("the Golan Heights", "مرتفعات الجولان"),
    ("Baku", "باكو"),
    ("Azerbaijan", "أذربيجان"),
    ("Damascus", "دمشق"),
    ("Beirut", "بيروت"),
    ("Ankara", "أنقرة"),
    ("Berlin", "برلين"),
    ("Geneva", "جنيف"),
    ("Doha", "الدوحة"),
    ("Cairo", "القاهرة"),
    ("Riyadh", "الرياض"),
    ("Daraa", "درعا"),
    ("Quneitra", "القنيطرة"),
    ("Aleppo", "حلب"),
    ("Latakia", "اللاذقية"),
    ("Tehran", "طهران"),
    ("Washington", "واشنطن"),
    ("Moscow", "موسكو"),
    ("Brussels", "بروكسل"),
)
OUTLETS = (("AFP", "فرانس برس"), ("SANA", "سانا"), ("Reuters", "رويترز"))
# One English sentence and its Arabic translation, with slots for the names above.
SENTENCES = (
    ("{p} met {q} in {x} on {n} March.", "التقى {p} مع {q} في {x} في {n} مارس."),
    (
        "{p} told {o} that {n} people had been killed in {x}.",
        "قال {p} لوكالة {o} إن {n} شخصا قتلوا في {x}.",
    ),
    (
        "Talks between {p} and {q} lasted {n} hours, officials in {x} said.",
        "استمرت المحادثات بين {p} و{q} {n} ساعات، بحسب مسؤولين في {x}.",
    ),
    (
        "According to {o}, {n} families fled {x} after the strikes on {y}.",
        "وبحسب {o}، فرت {n} عائلة من {x} بعد الغارات على {y}.",
    ),
    (
        "{p}, the envoy to {x}, arrived with {q} on Tuesday.",
        "وصل {p}، المبعوث إلى {x}، مع {q} يوم الثلاثاء.",
    ),
    (
        "The ceasefire in {x} held for {n} days, {p} said.",
        "صمد وقف إطلاق النار في {x} لمدة {n} أيام، بحسب {p}.",
    ),
    (
        "{o} reported that {q} would visit {x} and {y} before {n} May.",
        "ذكرت {o} أن {q} سيزور {x} و{y} قبل {n} مايو.",
    ),
    (
        "In {x}, {p} urged respect for the territorial integrity of {y}.",
        "في {x}، دعا {p} إلى احترام وحدة أراضي {y}.",
    ),
)
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _misspelled(rendering: str, chooser: random.Random) -> str:
    """The rendering with one letter of its last word replaced, as machine
    translation garbles names."""
    *first, last = rendering.split(" ")
    index = chooser.randrange(len(last))
    return " ".join([*first, last[:index] + chooser.choice(ARABIC_LETTERS) + last[index + 1 :]])


def _sentence(chooser: random.Random) -> tuple[str, str]:
    source, target = chooser.choice(SENTENCES)
    person, other = chooser.sample(PEOPLE, 2)
    place, second_place = chooser.sample(PLACES, 2)
    outlet = chooser.choice(OUTLETS)
    number = str(chooser.randrange(2, 5000))
    rendered_person = person[1]
    error = chooser.random()
    if error < 0.05:
        rendered_person = _misspelled(person[1], chooser)
    elif error < 0.08:
        rendered_person = person[0]
    elif error < 0.1:
        rendered_person = "المسؤول"
    rendered_number = number if chooser.random() > 0.03 else str(int(number) + 1)
    values = {"p": person[0], "q": other[0], "x": place[0], "y": second_place[0], "o": outlet[0]}
    source_text = source.format(n=number, **values)
    source_text = source_text[0].upper() + source_text[1:]
    target_text = target.format(
        p=rendered_person, q=other[1], x=place[1], y=second_place[1], o=outlet[1], n=rendered_number
    )
    return source_text, target_text


def _vocabularies() -> tuple[list[str], list[str]]:
    """Lower-case English words and Arabic words of the demo article and the name test
    sets, so that segments also differ in their common words, as real ones do."""
    english, arabic = set(), set()
    for source, target in _demo_paragraphs() + [
        (record["source"], record["target"])
        for test_set in (DEFAULT_TEST_SET, FRESH_TEST_SET)
        for record in load_test_set(test_set)
    ]:
        english.update(word for word in re.findall(r"\b[a-z]+\b", source) if len(word) > 2)
        arabic.update(re.findall(r"[\u0621-\u064a]+", target))
    return sorted(english), sorted(arabic)


def varied_texts(size: int, seed: int = 1) -> list[tuple[str, str]]:
    """size distinct (source, target) segments of one to three news sentences, from
    recombined names, numbers and phrases, with some names and numbers garbled; half
    of the sentences go on with a clause of random common words."""
    chooser = random.Random(seed)
    english, arabic = _vocabularies()
    texts: dict[tuple[str, str], None] = {}
    while len(texts) < size:
        sentences = []
        for _ in range(chooser.randint(1, 3)):
            source, target = _sentence(chooser)
            if chooser.random() < 0.5:
                source += " Officials added that " + " ".join(chooser.sample(english, 6)) + "."
                target += " وأضاف المسؤولون أن " + " ".join(chooser.sample(arabic, 6)) + "."
            sentences.append((source, target))
        texts[" ".join(s for s, _ in sentences), " ".join(t for _, t in sentences)] = None
    return list(texts)


def _demo_paragraphs() -> list[tuple[str, str]]:
    demo = [
        (DEMO_DIRECTORY / f"paris-talks.{language}.txt").read_text(encoding="utf-8").split("\n\n")
        for language in ("en", "ar")
    ]
    return list(zip(*demo, strict=True))


def cycled_document(records: list[dict], size: int) -> list[SegmentPair]:
    texts = _demo_paragraphs() + [(r["source"], r["target"]) for r in records]
    return [
        SegmentPair(position, source, target, "en", "ar")
        for position, (source, target) in enumerate(islice(cycle(texts), size), 1)
    ]


# Sets 12 and after label every spelling the news does not use a misspelling, where
# the earlier sets call near variants correct: their scores are also printed with the
# check's unusual spellings counted as misspellings.
UNUSUAL_AS_MISSPELLED = {"name_unusual": "name_misspelled"}
STRICT_SPELLING_SETS = FRESH_TEST_SETS[11:]


def print_scores(title: str, records: list[dict], counted_as: dict[str, str] | None = None) -> None:
    labels = sum(len(record["names"]) for record in records)
    print(f"\n{title}: {len(records)} pairs, {labels} labelled names")
    print(f"{'kind':<18}{'precision':>10}{'recall':>8}{'TP':>5}{'FP':>5}{'FN':>5}")
    for kind, score in score_names(records, counted_as).items():
        print(
            f"{kind:<18}{score.precision:>10.3f}{score.recall:>8.3f}"
            f"{score.true_positives:>5}{score.false_positives:>5}{score.false_negatives:>5}"
        )


def main() -> None:
    test_set = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DEFAULT_TEST_SET
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    records = load_test_set(test_set)
    parts = {
        f"{test_set.name} {half} half": [r for r in records if split_half(r) == half]
        for half in ("dev", "held-out")
    }
    parts[f"{test_set.name} whole"] = records
    if test_set == DEFAULT_TEST_SET:
        fresh_records = []
        for fresh_set in FRESH_TEST_SETS:
            parts[f"{fresh_set.name} (held out)"] = load_test_set(fresh_set)
            fresh_records += parts[f"{fresh_set.name} (held out)"]
        parts["all sets pooled"] = records + fresh_records
    for title, part in parts.items():
        print_scores(title, part)
    if test_set == DEFAULT_TEST_SET:
        for title in [f"{fresh_set.name} (held out)" for fresh_set in STRICT_SPELLING_SETS] + [
            "all sets pooled"
        ]:
            print_scores(
                f"{title}, unusual spellings counted as misspellings",
                parts[title],
                UNUSUAL_AS_MISSPELLED,
            )

    documents = {
        "cycled from the demo and the test set": cycled_document(records, size),
        "distinct segments": [
            SegmentPair(position, source, target, "en", "ar")
            for position, (source, target) in enumerate(varied_texts(size), 1)
        ],
    }
    for title, pairs in documents.items():
        print_speed(title, pairs)


def print_speed(title: str, pairs: list[SegmentPair]) -> None:
    # Cold caches, so that the runs before do not speed up the timing.
    skeleton.cache_clear()
    clear_distance_cache()
    clear_run_cache()
    started = time.perf_counter()
    findings = run_checks(pairs, CheckContext())
    checks_seconds = time.perf_counter() - started

    started = time.perf_counter()
    tokens = sum(
        len(BASELINE_PATTERN.findall(pair.source)) + len(BASELINE_PATTERN.findall(pair.target))
        for pair in pairs
    )
    baseline_seconds = time.perf_counter() - started
    print(f"\nspeed on {len(pairs)} segment pairs, {title} ({tokens} tokens):")
    print(f"  all checks:          {checks_seconds:8.3f} s  ({len(findings)} findings)")
    print(f"  baseline regex scan: {baseline_seconds:8.3f} s")
    print(f"  ratio checks/baseline: {checks_seconds / baseline_seconds:.0f}x")


if __name__ == "__main__":
    main()
