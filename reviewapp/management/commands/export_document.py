"""Export one document to a file, streamed, as the export page would send it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from reviewapp.exporters import EXPORTERS, ExportOptions
from reviewapp.exporting import export_translation
from reviewapp.models import Document, Translation


class Command(BaseCommand):
    help = "Export a document's review in one of the export formats to a file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("document_id", type=int)
        parser.add_argument("--format", required=True, choices=list(EXPORTERS))
        parser.add_argument("--output", required=True, type=Path, help="The file to write.")
        parser.add_argument("--approved-only", action="store_true")
        parser.add_argument(
            "--no-fallback",
            action="store_true",
            help="Leave unreviewed segments empty instead of using the machine translation.",
        )
        parser.add_argument("--mark-unreviewed", action="store_true")
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--translation", type=int, help="Translation id (default: the first).")
        which.add_argument("--system", help="Translation system name (default: the first).")
        parser.add_argument("--user", help="Username recorded as the exporter.")

    def handle(self, *args: Any, **options: Any) -> None:
        document = Document.objects.filter(pk=options["document_id"]).first()
        if document is None:
            raise CommandError(f"No document with id {options['document_id']}.")
        translation = self.translation(document, options)
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user named {options['user']!r}.")
        prepared = export_translation(
            translation=translation,
            identifier=options["format"],
            options=ExportOptions(
                approved_only=options["approved_only"],
                fallback_to_mt=not options["no_fallback"],
                mark_unreviewed=options["mark_unreviewed"],
            ),
            user=user,
        )
        output: Path = options["output"]
        if not output.parent.is_dir():
            raise CommandError(f"The folder {output.parent} does not exist.")
        # Written beside the target and renamed at the end, so a failed export
        # never leaves a partial file under the requested name.
        handle, temporary = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.")
        try:
            with os.fdopen(handle, "wb") as file:
                for chunk in prepared.chunks:
                    file.write(chunk)
            os.replace(temporary, output)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self.stdout.write(f"Wrote {prepared.segment_count} segments to {output}.")

    def translation(self, document: Document, options: dict[str, Any]) -> Translation:
        translations = document.translations.all()
        if options["translation"] is not None:
            found = translations.filter(pk=options["translation"]).first()
        elif options["system"] is not None:
            found = translations.filter(system=options["system"]).first()
        else:
            found = translations.first()
        if found is None:
            systems = ", ".join(repr(t.system) for t in translations) or "none"
            raise CommandError(
                f"No such translation of document {document.pk}; systems: {systems}."
            )
        return found
