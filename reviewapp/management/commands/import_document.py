"""Import a document from files: two monolingual files or one bilingual file."""

from argparse import ArgumentParser
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from reviewapp.importers import ImportRejected
from reviewapp.importers.base import format_size
from reviewapp.models import Project
from reviewapp.tasks import (
    DEFAULT_SYSTEM,
    ImportFile,
    ImportFiles,
    ImportOptions,
    LanguageWarning,
    import_now,
)


def read_file(path: str) -> ImportFile:
    file_path = Path(path)
    if not file_path.is_file():
        raise CommandError(f"No such file: {path}")
    # Refused before reading, so that a huge file never fills the memory.
    size = file_path.stat().st_size
    if size > settings.IMPORT_MAX_BYTES:
        raise CommandError(
            f"{path}: the file is too large ({format_size(size)}); "
            f"the limit is {format_size(settings.IMPORT_MAX_BYTES)}."
        )
    return ImportFile(file_path.name, file_path.read_bytes())


class Command(BaseCommand):
    help = (
        "Import a source text and its machine translation (or one bilingual file) as a "
        "document, add another system's translation to a document, or set a document's "
        "reference translation. Prints the document's id on the last line."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--project", help="Project name (default: the document's).")
        parser.add_argument("--source", help="Source text: .txt, .docx or .html.")
        parser.add_argument("--translation", help="Machine translation: .txt, .docx or .html.")
        parser.add_argument(
            "--bilingual", help="Aligned pairs: .tsv, .csv, .tmx, .xlf, .xliff, .po or .jsonl."
        )
        parser.add_argument("--source-lang", default="", help="Source language code, e.g. en.")
        parser.add_argument("--target-lang", default="", help="Target language code, e.g. ar.")
        parser.add_argument("--title", default="", help="Document title (default: first line).")
        parser.add_argument("--system", default=DEFAULT_SYSTEM, help="Machine translation system.")
        parser.add_argument(
            "--document", type=int, help="Add this system's translation to document ID."
        )
        parser.add_argument(
            "--reference",
            help="Human reference translation of document --document: .txt, .docx or .html.",
        )
        parser.add_argument(
            "--encoding", help="Encoding of the files when not detected, e.g. windows-1256."
        )
        parser.add_argument("--user", help="Username recorded as the importer.")
        parser.add_argument(
            "--ignore-language-warnings",
            action="store_true",
            help="Import even when the texts do not read as the languages given.",
        )

    def _project(self, name: str | None, document_id: int | None) -> Project:
        if name:
            project = Project.objects.filter(name=name).first()
            if project is None:
                raise CommandError(f"No project named “{name}”.")
            return project
        if document_id is None:
            raise CommandError("Give --project (or --document).")
        project = Project.objects.filter(documents__pk=document_id).first()
        if project is None:
            raise CommandError(f"No document {document_id}.")
        return project

    def handle(self, *args: object, **options: object) -> None:
        project = self._project(options["project"], options["document"])
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user named “{options['user']}”.")
        if options["bilingual"] and (options["source"] or options["translation"]):
            raise CommandError("Give either --bilingual or --source and --translation, not both.")
        if options["reference"] and (options["bilingual"] or options["translation"]):
            raise CommandError("Give --reference on its own, without a machine translation.")
        files = ImportFiles(
            **{
                role: read_file(options[role])
                for role in ("source", "translation", "bilingual", "reference")
                if options[role]
            }
        )
        try:
            result = import_now(
                files,
                ImportOptions(
                    title=options["title"],
                    source_lang=options["source_lang"],
                    target_lang=options["target_lang"],
                    system=options["system"],
                    encoding=options["encoding"],
                    document_id=options["document"],
                    ignore_language_warnings=options["ignore_language_warnings"],
                ),
                project=project,
                user=user,
            )
        except ImportRejected as error:
            hint = (
                " (use --ignore-language-warnings to import anyway)"
                if isinstance(error, LanguageWarning)
                else ""
            )
            raise CommandError(f"{error}{hint}") from None
        for warning in result.warnings:
            self.stderr.write(f"Warning: {warning}")
        self.stdout.write(result.summary())
        self.stdout.write(str(result.document.pk))
