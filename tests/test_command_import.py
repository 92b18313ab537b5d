"""The import_document command: files in, the new document's id on the last line."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from reviewapp.models import Document, Segment
from tests.test_views_imports import (
    AR,
    BAD_INPUTS,
    BAD_REFERENCES,
    DATA,
    EN,
    ENCODED_TRANSLATIONS,
    REFERENCE,
)


def write(tmp_path, files: dict) -> dict[str, str]:
    paths = {}
    for role, (name, content) in files.items():
        path = tmp_path / role / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content)
        paths[role] = str(path)
    return paths


def run(project, paths: dict, capsys, **options: str) -> str:
    arguments = ["--project", project.name, "--source-lang", "en", "--target-lang", "ar"]
    for name, value in {**{role: path for role, path in paths.items()}, **options}.items():
        arguments += [f"--{name.replace('_', '-')}", value]
    call_command("import_document", *arguments)
    return capsys.readouterr().out


def test_two_files_make_a_document_and_the_id_comes_last(tmp_path, project, capsys):
    paths = write(
        tmp_path, {"source": ("en.txt", EN.encode()), "translation": ("ar.txt", AR.encode())}
    )
    out = run(project, paths, capsys, title="Paris", system="Engine A")
    document = Document.objects.get()
    assert out.splitlines()[-1] == str(document.pk)
    assert document.title == "Paris" and document.translations.get().system == "Engine A"
    assert document.segments().count() == 3


def test_a_second_system_joins_the_document(tmp_path, project, capsys, document):
    paths = write(
        tmp_path, {"translation": ("ar.txt", "محادثات في باريس\n\nالتقى ديرمر بالشيباني.".encode())}
    )
    out = run(project, paths, capsys, document=str(document.pk), system="Engine B")
    assert out.splitlines()[-1] == str(document.pk)
    assert document.translations.get(system="Engine B").segments.exists()


@pytest.mark.parametrize(
    "name", ["pairs.tsv", "pairs.tmx", "pairs-20.xlf", "pairs.po", "pairs.jsonl"]
)
def test_bilingual_file(tmp_path, project, capsys, name):
    paths = write(tmp_path, {"bilingual": (name, (DATA / name).read_bytes())})
    out = run(project, paths, capsys)
    assert Segment.objects.get(position=0).mt_text.startswith("تستضيف باريس")
    assert out.splitlines()[-1] == str(Document.objects.get().pk)


@pytest.mark.parametrize("case", list(ENCODED_TRANSLATIONS))
def test_encodings(tmp_path, project, capsys, case):
    data, options = ENCODED_TRANSLATIONS[case]
    source = b"The ministers met in Paris on Thursday and talked about the south of the country.\n"
    paths = write(tmp_path, {"source": ("en.txt", source * 3), "translation": ("ar.txt", data)})
    run(project, paths, capsys, **options)
    assert {s.mt_text for s in Segment.objects.all()} == {
        "التقى رون ديرمر بأسعد الشيباني في باريس، وناقشا الوضع في السويداء."
    }


@pytest.mark.parametrize("case", list(BAD_INPUTS))
@override_settings(IMPORT_MAX_BYTES=64 * 1024)
def test_bad_input_fails_with_a_message_and_writes_nothing(tmp_path, project, capsys, case):
    files, options, message = BAD_INPUTS[case]
    with pytest.raises(CommandError) as error:
        run(project, write(tmp_path, files), capsys, **options)
    assert message.lower() in str(error.value).lower()
    assert not Document.objects.exists() and not Segment.objects.exists()


@override_settings(IMPORT_MAX_BYTES=1000)
def test_file_over_the_limit(tmp_path, project, capsys):
    paths = write(tmp_path, {"source": ("en.txt", b"x" * 1001), "translation": ("ar.txt", b"y")})
    with pytest.raises(CommandError, match="too large"):
        run(project, paths, capsys)


def test_language_warning_can_be_overridden(tmp_path, project, capsys):
    paths = write(
        tmp_path, {"source": ("en.txt", EN.encode()), "translation": ("ar.txt", EN.encode())}
    )
    with pytest.raises(CommandError, match="--ignore-language-warnings"):
        run(project, paths, capsys)
    call_command(
        "import_document", "--project", project.name, "--source", paths["source"],
        "--translation", paths["translation"], "--source-lang", "en", "--target-lang", "ar",
        "--ignore-language-warnings",
    )  # fmt: skip
    assert "identical to the source" in capsys.readouterr().err
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--project", "Nowhere", "--bilingual", "x.tsv"], "No project named"),
        (["--project", "Newsdesk", "--bilingual", "/nonexistent.tsv"], "No such file"),
    ],
)
def test_bad_arguments(project, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_document", *arguments)


def test_a_reference_is_set_on_the_document_and_the_id_comes_last(tmp_path, document, capsys):
    paths = write(tmp_path, {"reference": ("reference.txt", REFERENCE.encode())})
    call_command(
        "import_document", "--document", str(document.pk), "--reference", paths["reference"]
    )
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == str(document.pk)
    assert "Set the reference translation of 4 segments" in out
    assert Segment.objects.get(position=1).reference_text == "التقى رون ديرمر بأسعد الشيباني."


@pytest.mark.parametrize("case", list(BAD_REFERENCES))
def test_a_bad_reference_fails_with_a_message_and_changes_nothing(tmp_path, document, case):
    upload, options, message = BAD_REFERENCES[case]
    arguments = [
        "--document",
        str(document.pk),
        "--reference",
        write(tmp_path, {"reference": upload})["reference"],
    ]
    for name, value in options.items():
        arguments += [f"--{name}", value]
    with pytest.raises(CommandError) as error:
        call_command("import_document", *arguments)
    assert message.lower() in str(error.value).lower()
    assert not Segment.objects.exclude(reference_text="").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--reference", "r.txt"], "Give --project"),
        (["--document", "999", "--reference", "r.txt"], "No document 999"),
        (
            ["--document", "{document}", "--reference", "r.txt", "--translation", "t.txt"],
            "on its own",
        ),
    ],
)
def test_bad_reference_arguments(document, arguments, message):
    arguments = [argument.format(document=document.pk) for argument in arguments]
    with pytest.raises(CommandError, match=message):
        call_command("import_document", *arguments)
