"""`manage.py export_document` writes the file whole, or writes nothing and says why."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from reviewapp import services
from reviewapp.exporters import EXPORTERS
from reviewapp.importers import read_bilingual
from reviewapp.models import ExportRecord


def export(*arguments: object) -> str:
    out = io.StringIO()
    call_command("export_document", *map(str, arguments), stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("identifier", list(EXPORTERS))
def test_every_format_is_written_and_recorded(tmp_path, document, segments, identifier):
    output = tmp_path / f"out.{EXPORTERS[identifier].extension}"
    message = export(document.pk, "--format", identifier, "--output", output)
    assert output.stat().st_size > 0
    assert f"{len(segments)} segments" in message
    assert [p.name for p in tmp_path.iterdir()] == [output.name]
    record = ExportRecord.objects.get()
    assert (record.format, record.document, record.user) == (identifier, document, None)


def test_options_and_system_are_applied(tmp_path, admin, document, segments):
    services.segment_set_approved(segment=segments[2], user=admin, approved=True)
    output = tmp_path / "approved.tsv"
    export(
        document.pk, "--format", "tsv", "--output", output, "--approved-only",
        "--system", "Machine translation", "--user", "admin",
    )  # fmt: skip
    imported = read_bilingual(output.name, output.read_bytes(), max_bytes=1_000_000)
    assert [(p.source, p.target) for p in imported.pairs] == [
        (segments[2].source_text, segments[2].text)
    ]
    record = ExportRecord.objects.get()
    assert record.user == admin and record.options["approved_only"] and record.segment_count == 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["999999", "--format", "txt"], "No document"),
        (["{doc}", "--format", "pdf"], "invalid choice"),
        (["{doc}", "--format", "txt", "--system", "Nobody"], "No such translation"),
        (["{doc}", "--format", "txt", "--translation", "999999"], "No such translation"),
        (["{doc}", "--format", "txt", "--user", "nobody"], "No user"),
    ],
    ids=["document", "format", "system", "translation", "user"],
)
def test_bad_input_fails_and_writes_nothing(tmp_path, document, arguments, message):
    output = tmp_path / "out.txt"
    filled = [argument.format(doc=document.pk) for argument in arguments]
    with pytest.raises(CommandError, match=message):
        export(*filled, "--output", output)
    assert list(tmp_path.iterdir()) == []
    assert not ExportRecord.objects.exists()


def test_missing_folder_is_refused(tmp_path, document):
    with pytest.raises(CommandError, match="does not exist"):
        export(document.pk, "--format", "txt", "--output", tmp_path / "no" / "out.txt")


def test_a_failed_export_leaves_the_old_file_alone(tmp_path, document, monkeypatch):
    output = tmp_path / "out.txt"
    output.write_text("earlier export")

    def broken(*args: object, **kwargs: object):
        yield b"partial"
        raise RuntimeError("disk gone")

    monkeypatch.setattr(EXPORTERS["txt"], "stream", broken)
    with pytest.raises(RuntimeError):
        export(document.pk, "--format", "txt", "--output", output)
    assert output.read_text() == "earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
