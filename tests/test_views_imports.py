"""Importing documents in the browser: pasted texts, uploads, bad input and background jobs."""

import codecs
import io
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from reviewapp.demo import DEMO_DIR
from reviewapp.models import Document, ImportJob, Segment, Translation
from reviewapp.views import imports
from tests.conftest import HTMX

DATA = Path(__file__).parent / "data" / "import"
IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def demo_paragraphs(lang: str, count: int = 3) -> str:
    text = (DEMO_DIR / f"paris-talks.{lang}.txt").read_text(encoding="utf-8")
    return "\n\n".join(text.split("\n\n")[:count])


EN, AR = demo_paragraphs("en"), demo_paragraphs("ar")
ARABIC_SENTENCE = "التقى رون ديرمر بأسعد الشيباني في باريس، وناقشا الوضع في السويداء."


def docx_bytes(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# Each case: files by role (name, bytes), options, and words the message must contain.
BAD_INPUTS = {
    "empty source": (
        {"source": ("a.txt", b""), "translation": ("b.txt", AR.encode())},
        {},
        "empty",
    ),
    "blank translation": (
        {"source": ("a.txt", EN.encode()), "translation": ("b.txt", b" \n\n \t")},
        {},
        "empty",
    ),
    "image as text": (
        {
            "source": ("a.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)),
            "translation": ("b.txt", AR.encode()),
        },
        {},
        "PNG image",
    ),
    "binary junk": (
        {"source": ("a.txt", EN.encode()), "translation": ("b.txt", bytes(range(256)) * 4)},
        {},
        "does not look like text",
    ),
    "old Word file": (
        {
            "source": ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64)),
            "translation": ("b.txt", AR.encode()),
        },
        {},
        "save it as .docx",
    ),
    "broken docx": (
        {"source": ("a.docx", b"PK\x03\x04junk"), "translation": ("b.txt", AR.encode())},
        {},
        "not a Word document",
    ),
    "wrong declared encoding": (
        {
            "source": ("a.txt", EN.encode()),
            "translation": ("b.txt", ARABIC_SENTENCE.encode("cp1256")),
        },
        {"encoding": "utf-8"},
        "not valid utf-8",
    ),
    "malformed XML": (
        {"bilingual": ("pairs.tmx", (DATA / "malformed.tmx").read_bytes())},
        {},
        "not well-formed XML",
    ),
    "billion laughs": (
        {"bilingual": ("pairs.tmx", (DATA / "billion-laughs.tmx").read_bytes())},
        {},
        "billion laughs",
    ),
    "external entity": ({"bilingual": ("pairs.xlf", (DATA / "xxe.xlf").read_bytes())}, {}, "XXE"),
    "monolingual file as bilingual": (
        {"bilingual": ("a.txt", EN.encode())},
        {},
        "only one language",
    ),
    "translation identical to source": (
        {"source": ("a.txt", EN.encode()), "translation": ("b.txt", EN.encode())},
        {},
        "identical to the source",
    ),
    "translation in another language": (
        {"source": ("a.txt", EN.encode()), "translation": ("b.txt", AR.encode())},
        {"target_lang": "fr"},
        "looks like Arabic, not French",
    ),
    "bilingual columns swapped": (
        {"bilingual": ("pairs.tsv", (DATA / "pairs-noheader.tsv").read_bytes())},
        {"source_lang": "ar", "target_lang": "en"},
        "look swapped",
    ),
    "unknown language code": (
        {"source": ("a.txt", EN.encode()), "translation": ("b.txt", AR.encode())},
        {"source_lang": "xx-nonsense"},
        "not a language code",
    ),
}

# Each case: the Arabic translation's bytes and the options that let it be read.
ENCODED_TRANSLATIONS = {
    "UTF-8 with BOM": (codecs.BOM_UTF8 + ARABIC_SENTENCE.encode("utf-8"), {}),
    "UTF-16 with BOM": (ARABIC_SENTENCE.encode("utf-16"), {}),
    "UTF-16 without BOM": (ARABIC_SENTENCE.encode("utf-16-le"), {}),
    "Windows-1256 detected": ((ARABIC_SENTENCE + "\n").encode("cp1256") * 3, {}),
    "Windows-1256 declared": (ARABIC_SENTENCE.encode("cp1256"), {"encoding": "windows-1256"}),
}

BILINGUAL_FILES = [
    "pairs.tsv",
    "pairs.csv",
    "pairs.tmx",
    "pairs-12.xlf",
    "pairs-20.xlf",
    "pairs.po",
    "pairs.jsonl",
]


def form_data(files: dict, **options: str) -> dict:
    data = {"system": "Machine translation", "source_lang": "en", "target_lang": "ar"}
    data.update(options)
    for role, (name, content) in files.items():
        data[f"{role}_file"] = SimpleUploadedFile(name, content)
    return data


def post_import(client, project, data, **headers):
    return client.post(reverse("import_document", args=[project.pk]), data, **headers)


def nothing_written() -> bool:
    return not (Document.objects.exists() or Segment.objects.exists() or ImportJob.objects.exists())


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_admin", 200), ("as_editor", 403), ("as_outsider", 404), ("as_anonymous", 302)],
)
def test_import_page_is_for_admins(request, project, client_name, status):
    client = request.getfixturevalue(client_name)
    response = client.get(reverse("import_document", args=[project.pk]))
    assert response.status_code == status
    response = client.post(reverse("import_document", args=[project.pk]), {"source_text": EN})
    assert response.status_code == (422 if status == 200 else status)
    assert not Document.objects.exists()


def test_pasted_texts_become_an_aligned_document(as_admin, admin, project):
    response = post_import(
        as_admin, project, form_data({}, source_text=EN, translation_text=AR, title="Paris")
    )
    document = Document.objects.get()
    translation = document.translations.get()
    assert response.status_code == 302
    assert response["Location"] == f"{document.get_absolute_url()}?translation={translation.pk}"
    assert (document.title, document.source_lang, document.target_lang) == ("Paris", "en", "ar")
    assert document.created_by == admin
    segments = list(translation.segments.order_by("position"))
    assert [s.paragraph for s in segments] == [0, 1, 2]
    assert "Dermer" in segments[2].source_text and "ديمر" in segments[2].mt_text
    page = as_admin.get(response["Location"]).content.decode()
    assert "Imported 3 segments" in page


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_monolingual_files(as_admin, project, kind):
    source_paragraphs, target_paragraphs = EN.split("\n\n"), AR.split("\n\n")
    if kind == "txt":
        files = {"source": ("en.txt", EN.encode()), "translation": ("ar.txt", AR.encode())}
    elif kind == "docx":
        files = {
            "source": ("en.docx", docx_bytes(source_paragraphs)),
            "translation": ("ar.docx", docx_bytes(target_paragraphs)),
        }
    else:
        page = "<html><head><title>x</title><script>var hidden = 1;</script></head><body>{}</body></html>"
        files = {
            "source": (
                "en.html",
                page.format("".join(f"<p>{p}</p>" for p in source_paragraphs)).encode(),
            ),
            "translation": (
                "ar.html",
                page.format("".join(f"<p>{p}</p>" for p in target_paragraphs)).encode(),
            ),
        }
    assert post_import(as_admin, project, form_data(files)).status_code == 302
    segments = list(Segment.objects.order_by("position"))
    assert [s.source_text for s in segments] == source_paragraphs
    assert [s.mt_text for s in segments] == target_paragraphs


@pytest.mark.parametrize("name", BILINGUAL_FILES)
def test_bilingual_files(as_admin, project, name):
    data = (DATA / name).read_bytes()
    response = post_import(as_admin, project, form_data({"bilingual": (name, data)}))
    assert response.status_code == 302, response.content.decode()
    segments = list(Segment.objects.order_by("position"))
    assert len(segments) >= 3
    assert segments[0].source_text.startswith("Quiet diplomacy")
    assert segments[0].mt_text.startswith("تستضيف باريس")


@pytest.mark.parametrize("case", list(ENCODED_TRANSLATIONS))
def test_encodings_are_read_correctly(as_admin, project, case):
    data, options = ENCODED_TRANSLATIONS[case]
    source = (
        "The ministers met in Paris on Thursday and talked about the south of the country.\n" * 3
    ).encode()
    files = {"source": ("en.txt", source), "translation": ("ar.txt", data)}
    response = post_import(as_admin, project, form_data(files, **options))
    assert response.status_code == 302, response.content.decode()
    assert all(s.mt_text == ARABIC_SENTENCE for s in Segment.objects.all())


@pytest.mark.parametrize("case", list(BAD_INPUTS))
@override_settings(IMPORT_MAX_BYTES=64 * 1024)
def test_bad_input_gets_a_message_and_writes_nothing(as_admin, project, case):
    files, options, message = BAD_INPUTS[case]
    response = post_import(as_admin, project, form_data(files, **options))
    assert response.status_code == 422
    assert message.lower() in response.content.decode().lower()
    assert nothing_written()


@override_settings(IMPORT_MAX_BYTES=1000)
def test_files_over_the_size_limit_are_refused_unread(as_admin, project):
    files = {"source": ("en.txt", b"x" * 1001), "translation": ("ar.txt", AR.encode()[:900])}
    response = post_import(as_admin, project, form_data(files))
    assert response.status_code == 422
    assert "too large (1001 bytes); the limit is 1000 bytes" in response.content.decode()
    assert nothing_written()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Paste or upload the translation"),
        ({"translation_text": AR}, "Paste or upload the source text too"),
        (
            {
                "translation_text": AR,
                "source_text": EN,
                "bilingual_file": SimpleUploadedFile("p.tsv", b"a\tb"),
            },
            "not both",
        ),
    ],
)
def test_missing_or_conflicting_inputs(as_admin, project, data, message):
    response = post_import(as_admin, project, form_data({}, **data))
    assert response.status_code == 422 and message in response.content.decode()
    assert nothing_written()


def test_language_warning_can_be_overridden(as_admin, project):
    data = form_data({}, source_text=EN, translation_text=EN)
    refused = post_import(as_admin, project, data)
    assert refused.status_code == 422
    assert "Import even though the languages look wrong" in refused.content.decode()
    data["ignore_language_warnings"] = "on"
    accepted = post_import(as_admin, project, data)
    assert accepted.status_code == 302
    assert "identical to the source" in as_admin.get(accepted["Location"]).content.decode()


def test_another_system_is_added_to_the_document(as_admin, project, document):
    before = list(document.translations.get().segments.values_list("source_text", flat=True))
    target = "محادثات في باريس\n\nالتقى رون ديرمر بأسعد الشيباني. وناقشا السويداء.\n\nواستمرت الغارات الإسرائيلية."
    data = form_data({}, translation_text=target, system="Second engine", document=document.pk)
    response = post_import(as_admin, project, data)
    assert response.status_code == 302
    second = document.translations.get(system="Second engine")
    assert response["Location"].endswith(f"?translation={second.pk}")
    assert [s.source_text for s in second.segments.order_by("position")] == before
    assert second.segments.get(position=3).mt_text == "واستمرت الغارات الإسرائيلية."
    again = post_import(as_admin, project, data)
    assert again.status_code == 422 and "already has a translation from" in again.content.decode()
    assert Translation.objects.filter(document=document).count() == 2


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_large_import_runs_as_a_job(as_admin, admin, project, monkeypatch):
    monkeypatch.setattr(imports, "INLINE_IMPORT_MAX_BYTES", 100)
    response = post_import(as_admin, project, form_data({}, source_text=EN, translation_text=AR))
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("import_job", args=[project.pk, job.pk])
    assert job.status == ImportJob.Status.DONE and job.progress == 100
    assert job.document.segments().count() == 3 and job.created_by == admin
    assert job.source_data is None and job.target_data is None
    page = as_admin.get(response["Location"]).content.decode()
    assert job.document.get_absolute_url() in page and "every 1s" not in page


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "fragment"])
@pytest.mark.parametrize(
    ("status", "polls", "text"),
    [
        (ImportJob.Status.QUEUED, True, "Queued"),
        (ImportJob.Status.RUNNING, True, "Aligning sentences"),
        (ImportJob.Status.FAILED, False, "Nothing was saved"),
    ],
)
def test_job_page_polls_until_finished(as_admin, project, headers, status, polls, text):
    job = ImportJob.objects.create(
        project=project,
        status=status,
        progress=30,
        message="Aligning sentences",
        files={"source": "a.txt"},
    )
    response = as_admin.get(reverse("import_job", args=[project.pk, job.pk]), **headers)
    page = response.content.decode()
    assert response.status_code == 200
    assert ("every 1s" in page) == polls and text in page
    assert ("<html" in page) == (not headers)


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_admin", 200), ("as_editor", 403), ("as_outsider", 404), ("as_anonymous", 302)],
)
def test_job_page_is_for_admins(request, project, client_name, status):
    job = ImportJob.objects.create(project=project)
    client = request.getfixturevalue(client_name)
    assert client.get(reverse("import_job", args=[project.pk, job.pk])).status_code == status


def test_job_of_another_project_is_not_found(as_admin, project):
    job = ImportJob.objects.create(project=project)
    elsewhere = type(project).objects.create(name="Other desk")
    assert as_admin.get(reverse("import_job", args=[elsewhere.pk, job.pk])).status_code == 404


def test_add_system_link_preselects_the_document(as_admin, project, document):
    url = reverse("import_document", args=[project.pk]) + f"?document={document.pk}"
    page = as_admin.get(url).content.decode()
    assert f'<option value="{document.pk}" selected>' in page


# --- reference translations ---------------------------------------------------------------

REFERENCE = (
    "محادثات في باريس\n\nالتقى رون ديرمر بأسعد الشيباني. وناقشا السويداء.\n\n"
    "واستمرت الغارات الإسرائيلية."
)

# Each case: the reference file (name, bytes), options, and words the message must contain.
BAD_REFERENCES = {
    "empty": (("r.txt", b""), {}, "empty"),
    "blank": (("r.txt", b" \n\n \t"), {}, "empty"),
    "image": (("r.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)), {}, "PNG image"),
    "binary junk": (("r.txt", bytes(range(256)) * 4), {}, "does not look like text"),
    "wrong declared encoding": (
        ("r.txt", ARABIC_SENTENCE.encode("cp1256")),
        {"encoding": "utf-8"},
        "not valid utf-8",
    ),
    "English as the reference": (("r.txt", EN.encode()), {}, "not Arabic"),
}


def references_of(document) -> list[str]:
    return list(
        Segment.objects.filter(translation__document=document)
        .order_by("position")
        .values_list("reference_text", flat=True)
    )


@pytest.mark.parametrize(
    ("client_name", "status"),
    [("as_admin", 302), ("as_editor", 403), ("as_outsider", 404), ("as_anonymous", 302)],
)
def test_reference_import_is_for_admins(request, project, document, client_name, status):
    client = request.getfixturevalue(client_name)
    response = post_import(
        client, project, form_data({}, reference_text=REFERENCE, document=document.pk)
    )
    assert response.status_code == status
    assert any(references_of(document)) == (client_name == "as_admin")


def test_a_pasted_reference_is_aligned_onto_the_document(as_admin, project, document):
    data = form_data({}, reference_text=REFERENCE, document=document.pk)
    response = post_import(as_admin, project, data)
    assert response.status_code == 302
    assert response["Location"] == document.get_absolute_url()
    assert references_of(document) == [
        "محادثات في باريس",
        "التقى رون ديرمر بأسعد الشيباني.",
        "وناقشا السويداء.",
        "واستمرت الغارات الإسرائيلية.",
    ]
    assert document.translations.count() == 1
    page = as_admin.get(response["Location"]).content.decode()
    assert "Set the reference translation of 4 segments" in page


@override_settings(TASKS=IMMEDIATE_TASKS)
def test_a_large_reference_import_runs_as_a_job(as_admin, project, document, monkeypatch):
    monkeypatch.setattr(imports, "INLINE_IMPORT_MAX_BYTES", 10)
    files = {"reference": ("reference.txt", REFERENCE.encode())}
    response = post_import(as_admin, project, form_data(files, document=document.pk))
    job = ImportJob.objects.get()
    assert response["Location"] == reverse("import_job", args=[project.pk, job.pk])
    assert job.status == ImportJob.Status.DONE and job.target_data is None
    assert job.message.startswith("Set the reference translation of 4 segments")
    assert references_of(document)[1] == "التقى رون ديرمر بأسعد الشيباني."


@pytest.mark.parametrize("case", list(BAD_REFERENCES))
def test_a_bad_reference_gets_a_message_and_changes_nothing(as_admin, project, document, case):
    upload, options, message = BAD_REFERENCES[case]
    data = form_data({"reference": upload}, document=document.pk, **options)
    response = post_import(as_admin, project, data)
    assert response.status_code == 422
    assert message.lower() in response.content.decode().lower()
    assert not any(references_of(document)) and not ImportJob.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reference_text": REFERENCE}, "Choose the document"),
        ({"reference_text": REFERENCE, "translation_text": AR}, "on its own"),
    ],
)
def test_a_reference_needs_a_document_and_comes_alone(as_admin, project, document, data, message):
    if "translation_text" in data:
        data = {**data, "document": document.pk}
    response = post_import(as_admin, project, form_data({}, **data))
    assert response.status_code == 422 and message in response.content.decode()
    assert not any(references_of(document)) and document.translations.count() == 1
