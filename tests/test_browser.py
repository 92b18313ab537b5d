"""The review screen in headless Chromium: flag by mouse, edit in place, conflicts, hostile text."""

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Page, expect, sync_playwright

from reviewapp import services
from reviewapp.demo import DEMO_PROJECT, DEMO_TITLE, load_demo
from reviewapp.models import Category, Document, Flag, Membership, Project, Segment, Severity
from tests.browser_support import (
    VIEWPORT,
    BrowserMissing,
    char_boxes,
    flag_words,
    launch_chromium,
    log_in,
    rendered_fonts,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-password"
ARABIC_FONT = "Noto Naskh Arabic"
# Segment 3 of the demo spells Ron Dermer "رون ديمر" and Asaad al-Shaibani "آساد الشباني".
MISSPELT_NAME, NAME_FIX = "رون ديمر", "رون ديرمر"
OTHER_MISSPELT_NAME, OTHER_NAME_FIX = "آساد الشباني", "أسعد الشيباني"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        try:
            chromium = launch_chromium(playwright)
        except BrowserMissing as missing:
            problem = str(missing)
        else:
            yield chromium
            chromium.close()
            return
    # Failed outside the handler, so the report shows the reason and no traceback.
    pytest.fail(problem, pytrace=False)


@pytest.fixture(scope="module", autouse=True)
def orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API keeps an event loop running in this thread while the
    browser is open; the ORM calls around it (the tests' own and the database
    flush after each test) are still plain synchronous ones."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture
def demo_document(transactional_db) -> Document:
    load_demo(password=PASSWORD)
    return Document.objects.get(title=DEMO_TITLE)


def open_page(browser: Browser, base_url: str, username: str) -> Page:
    page = browser.new_context(viewport=VIEWPORT).new_page()
    log_in(page, base_url, username, PASSWORD)
    return page


@pytest.fixture
def editor_page(browser, live_server, demo_document) -> Iterator[Page]:
    page = open_page(browser, live_server.url, "editor")
    yield page
    page.context.close()


def demo_segment(document: Document, position: int) -> Segment:
    return document.segments().get(position=position)


def test_editor_flags_a_misspelt_name_and_corrects_the_sentence(
    editor_page, live_server, demo_document
):
    page = editor_page
    segment = demo_segment(demo_document, 2)
    assert MISSPELT_NAME in segment.text and OTHER_MISSPELT_NAME in segment.text
    page.goto(live_server.url + demo_document.get_absolute_url())
    row = page.locator(f"#seg-{segment.pk}")
    source, target = row.locator(".text.source"), row.locator(".text.target")

    expect(source).to_have_attribute("lang", "en")
    expect(source).to_have_attribute("dir", "ltr")
    expect(target).to_have_attribute("lang", "ar")
    expect(target).to_have_attribute("dir", "rtl")
    assert ARABIC_FONT in target.evaluate("element => getComputedStyle(element).fontFamily")
    page.wait_for_function(
        """family => [...document.fonts].some(
            face => face.family.replaceAll('"', "") === family && face.status === "loaded")""",
        arg=ARABIC_FONT,
    )
    assert page.evaluate("family => document.fonts.check(`16px \"${family}\"`, 'ب')", ARABIC_FONT)
    fonts = rendered_fonts(page, f"#seg-{segment.pk} .text.target")
    assert max(fonts, key=fonts.get) == ARABIC_FONT, fonts

    flag_words(
        page,
        row,
        MISSPELT_NAME,
        category=Category.MISTRANSLATED_NAME.label,
        severity=Severity.MAJOR.label,
        comment="Dermer is misspelt",
        suggestion=NAME_FIX,
    )
    flag = Flag.objects.get(segment=segment)
    start = segment.text.index(MISSPELT_NAME)
    assert (flag.quote, flag.made_start, flag.made_end, flag.made_on_version) == (
        MISSPELT_NAME,
        start,
        start + len(MISSPELT_NAME),
        0,
    )
    assert (flag.category, flag.severity, flag.suggestion, flag.author.username) == (
        Category.MISTRANSLATED_NAME,
        Severity.MAJOR,
        NAME_FIX,
        "editor",
    )

    page.evaluate("window.sameDocumentMarker = 'kept'")
    row.get_by_role("button", name="Edit").click()
    textarea = row.locator("textarea[name=text]")
    expect(textarea).to_have_value(segment.text)
    corrected = segment.text.replace(OTHER_MISSPELT_NAME, OTHER_NAME_FIX)
    textarea.fill(corrected)
    row.get_by_role("button", name="Save").click()
    expect(textarea).to_have_count(0)
    expect(target).to_have_text(corrected)
    expect(row.locator(".badge.edited")).to_be_visible()
    assert page.evaluate("window.sameDocumentMarker") == "kept", "saving reloaded the page"

    page.reload()
    assert page.evaluate("window.sameDocumentMarker") is None
    expect(target).to_have_text(corrected)
    expect(target.locator("mark")).to_have_text(MISSPELT_NAME)
    listed = row.locator(".flags .flag")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text(Category.MISTRANSLATED_NAME.label)
    expect(listed.locator("bdi.quote").first).to_have_text(MISSPELT_NAME)
    expect(listed.locator("bdi.suggestion")).to_have_text(NAME_FIX)

    segment.refresh_from_db()
    flag.refresh_from_db()
    assert (segment.text, segment.version) == (corrected, 1)
    assert [(r.number, r.text, r.author.username) for r in segment.revisions.all()] == [
        (1, corrected, "editor")
    ]
    # The flag follows the name, which moved when the earlier name grew a letter.
    assert (flag.start, flag.end, flag.stale) == (
        corrected.index(MISSPELT_NAME),
        corrected.index(MISSPELT_NAME) + len(MISSPELT_NAME),
        False,
    )


def test_second_save_from_the_same_version_shows_both_texts_until_resolved(
    browser, live_server, demo_document
):
    second = get_user_model().objects.create_user("second-editor", password=PASSWORD)
    Membership.objects.create(project=demo_document.project, user=second)
    segment = demo_segment(demo_document, 6)
    theirs = segment.text.replace("أنتج", "أسفر عن")
    mine = segment.text.replace("سانا", "وكالة سانا")
    assert len({segment.text, theirs, mine}) == 3

    pages = [open_page(browser, live_server.url, name) for name in ("editor", "second-editor")]
    try:
        rows = []
        for page in pages:
            page.goto(live_server.url + demo_document.get_absolute_url())
            row = page.locator(f"#seg-{segment.pk}")
            row.get_by_role("button", name="Edit").click()
            expect(row.locator("textarea[name=text]")).to_have_value(segment.text)
            rows.append(row)
        first_row, second_row = rows

        first_row.locator("textarea[name=text]").fill(theirs)
        first_row.get_by_role("button", name="Save").click()
        expect(first_row.locator(".text.target")).to_have_text(theirs)

        second_row.locator("textarea[name=text]").fill(mine)
        second_row.get_by_role("button", name="Save").click()
        conflict = second_row.locator(".conflict")
        expect(conflict).to_be_visible()
        expect(conflict.locator(".conflict-texts .text")).to_have_text([theirs, mine])
        expect(conflict.locator("textarea[name=text]")).to_have_value(mine)
        segment.refresh_from_db()
        assert (segment.text, segment.version) == (theirs, 1)

        conflict.get_by_role("button", name="Save this version").click()
        expect(conflict).to_have_count(0)
        expect(second_row.locator(".text.target")).to_have_text(mine)
    finally:
        for page in pages:
            page.context.close()

    segment.refresh_from_db()
    assert (segment.text, segment.version) == (mine, 2)
    assert [(r.text, r.author.username) for r in segment.revisions.all()] == [
        (theirs, "editor"),
        (mine, "second-editor"),
    ]


HOSTILE_TARGET = (
    "نص <script>window.pwned=1</script> و<b>bold</b> "
    '<img src="x" onerror="window.pwned=2"> \u202eabc def'
)


def test_hostile_text_shows_as_text_and_leaves_its_neighbours_alone(
    editor_page, live_server, demo_document
):
    document = services.document_create(
        project=Project.objects.get(name=DEMO_PROJECT),
        title="Hostile markup",
        source_lang="en",
        target_lang="ar",
        pairs=[
            services.SegmentPair(0, "Talks opened in Paris.", "بدأت المحادثات في باريس."),
            services.SegmentPair(0, "Markup and an override.", HOSTILE_TARGET),
            services.SegmentPair(0, "The talks went on.", "واستمرت المحادثات."),
        ],
        user=None,
    )
    before, hostile, after = (demo_segment(document, position) for position in range(3))
    page = editor_page
    page.goto(live_server.url + document.get_absolute_url())
    rows = [page.locator(f"#seg-{segment.pk}") for segment in (before, hostile, after)]
    target = rows[1].locator(".text.target")

    assert target.text_content() == HOSTILE_TARGET
    expect(target.locator("script, b, img")).to_have_count(0)
    assert page.evaluate("typeof window.pwned") == "undefined"

    control = target.locator(".bidi-control")
    expect(control).to_have_attribute("data-codepoint", "U+202E")
    expect(control).to_be_visible()
    assert control.text_content() == "\u202e"
    # The override is fenced in: the Latin letters after it still run left to right.
    a, _, c = char_boxes(target, "abc")
    assert a.x < c.x

    boxes = [row.bounding_box() for row in rows]
    assert boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"]
    assert boxes[1]["y"] + boxes[1]["height"] <= boxes[2]["y"]
    columns = [
        [row.locator(part).bounding_box() for part in (".num", ".text.source", ".text.target")]
        for row in rows
    ]
    for row_columns in columns:
        assert [box["x"] for box in row_columns] == [box["x"] for box in columns[0]]
        assert row_columns[0]["x"] < row_columns[1]["x"] < row_columns[2]["x"]
    expect(rows[2].locator(".text.target")).to_have_text(after.text)
    # Arabic still reads right to left after the override: its first letter is rightmost.
    first, *_, last = char_boxes(rows[2].locator(".text.target"), after.text)
    assert first.x > last.x


def test_double_clicked_word_opens_the_form_and_escape_closes_it_for_good(
    editor_page, live_server, demo_document
):
    page = editor_page
    flagged, elsewhere = demo_segment(demo_document, 2), demo_segment(demo_document, 3)
    page.goto(live_server.url + demo_document.get_absolute_url())
    target = page.locator(f"#seg-{flagged.pk} .text.target")
    surname = MISSPELT_NAME.split()[-1]
    letter = char_boxes(target, surname)[1]
    page.mouse.dblclick(letter.x + letter.width / 2, letter.middle)
    form = page.locator("#flag-form")
    expect(form).to_be_visible()
    expect(form.locator("#flag-quote")).to_have_text(surname)
    start = flagged.text.index(MISSPELT_NAME) + MISSPELT_NAME.index(surname)
    expect(form.locator("input[name=start]")).to_have_value(str(start))
    expect(form.locator("input[name=end]")).to_have_value(str(start + len(surname)))

    page.keyboard.press("Escape")
    expect(form).to_be_hidden()
    other_row = page.locator(f"#seg-{elsewhere.pk}")
    other_row.get_by_role("button", name="Approve").click()
    expect(other_row).to_have_class(re.compile(r"\bapproved\b"))
    expect(form).to_be_hidden()
    assert not Flag.objects.exists()


def test_split_at_the_cursor_and_undo(editor_page, live_server, demo_document):
    page = editor_page
    page.goto(f"{live_server.url}/documents/{demo_document.pk}/")
    segment = page.locator(f"#seg-{demo_segment(demo_document, 1).pk}")
    source = segment.locator(".text.source")
    source.scroll_into_view_if_needed()
    rows = page.locator(".segment")
    count = rows.count()
    first_letter = char_boxes(source, "pledging")[0]
    page.mouse.click(first_letter.x + 1, first_letter.middle)
    segment.locator("summary", has_text="More").click()
    segment.get_by_role("button", name="Split source at cursor").click()
    expect(rows).to_have_count(count + 1)
    expect(rows.nth(2).locator(".text.source")).to_have_text(re.compile(r"^pledging to ease"))
    head, tail = demo_segment(demo_document, 1), demo_segment(demo_document, 2)
    assert head.source_text.endswith("in Paris") and tail.source_text.startswith("pledging")
    assert tail.text == "" and head.mt_text == head.text
    page.get_by_role("button", name="Undo last alignment change").click()
    expect(rows).to_have_count(count)
    restored = demo_segment(demo_document, 1)
    assert "in Paris pledging" in restored.source_text
    assert not demo_document.segments().filter(source_text__startswith="pledging").exists()


# Per finding: its span as the check found it, and the stretch the page underlines.
_FINDING_UNDERLINES_JS = """
() => {
  const ranges = Array.from(CSS.highlights.get("check-finding") || []);
  return Array.from(document.querySelectorAll(".finding[data-target-start]"), (item) => {
    const target = item.closest(".segment").querySelector(":scope > .text.target");
    const points = Array.from(target.textContent);
    const start = Number(item.dataset.targetStart), end = Number(item.dataset.targetEnd);
    const before = points.slice(0, start).join("").length;
    const range = ranges.find((r) => target.contains(r.startContainer)
      && (() => { const head = document.createRange(); head.setStart(target, 0);
                  head.setEnd(r.startContainer, r.startOffset);
                  const at = head.toString().length;
                  return at <= before && before < at + r.toString().length; })());
    return { span: points.slice(start, end).join(""), before: points[start - 1] || "",
             after: points[end] || "", underlined: range ? range.toString() : null,
             text: target.textContent };
  });
}
"""


def test_finding_underlines_cover_whole_words_so_arabic_letters_stay_joined(
    editor_page, live_server, demo_document
):
    services.document_run_checks(document=demo_document)
    page = editor_page
    page.goto(live_server.url + demo_document.get_absolute_url())
    expect(page.locator(".finding[data-target-start]").first).to_be_attached()
    underlines = page.evaluate(_FINDING_UNDERLINES_JS)
    inside_words = [u for u in underlines if u["before"].isalpha() or u["after"].isalpha()]
    # The demo renders "strikes" as "الإضرابات": the check's span "إضرابات" starts
    # inside the word, right after the article's lam it is joined to.
    assert inside_words, underlines
    for underline in underlines:
        assert underline["underlined"] is not None, underline
        assert underline["span"] in underline["underlined"]
        words = re.findall(r"\w+", underline["text"])
        assert all(word in words for word in re.findall(r"\w+", underline["underlined"])), underline


def test_segments_stay_put_when_the_checks_summary_arrives(editor_page, live_server, demo_document):
    services.document_run_checks(document=demo_document)
    page = editor_page
    url = live_server.url + demo_document.get_absolute_url()
    first_segment = page.locator(f"#seg-{demo_segment(demo_document, 1).pk}")
    page.route("**/checks/**", lambda route: route.abort())
    page.goto(url)
    while_loading = first_segment.bounding_box()
    page.unroute("**/checks/**")
    page.goto(url)
    expect(page.locator("#checks-summary .check-counts")).to_be_visible()
    assert first_segment.bounding_box()["y"] == while_loading["y"]
