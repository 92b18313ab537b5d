import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reviewapp import services
from reviewapp.models import CheckFinding, Document


class Command(BaseCommand):
    help = "Run every enabled check on a document and print its findings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("document_id", type=int)
        parser.add_argument("--json", action="store_true", help="Print a JSON array.")

    def handle(self, *args: object, **options: object) -> None:
        document = (
            Document.objects.select_related("project").filter(pk=options["document_id"]).first()
        )
        if document is None:
            raise CommandError(f"There is no document {options['document_id']}.")
        services.document_run_checks(document=document)
        findings = CheckFinding.objects.filter(segment__translation__document=document)
        rows = [
            {
                "translation": finding.segment.translation.system,
                "position": finding.segment.position,
                "check_id": finding.check_id,
                "kind": finding.kind,
                "source": {
                    "start": finding.source_start,
                    "end": finding.source_end,
                    "text": finding.source_span,
                },
                "target": {
                    "start": finding.target_start,
                    "end": finding.target_end,
                    "text": finding.target_span,
                },
                "message": finding.message,
                "suggestion": finding.suggestion,
                "category": finding.category,
                "severity": finding.severity,
            }
            for finding in findings.select_related("segment__translation").order_by(
                "segment__translation", "segment__position", "pk"
            )
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))
            return
        for row in rows:
            self.stdout.write(
                f"{row['position'] + 1}\t{row['check_id']}\t{row['target']['text'] or row['source']['text']}"
                f"\t{row['message']}"
            )
