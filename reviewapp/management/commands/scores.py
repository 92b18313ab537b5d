import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from reviewapp import reports
from reviewapp.models import Document


class Command(BaseCommand):
    help = (
        "Print a document's scores: corpus BLEU/chrF/chrF++/TER with sacrebleu signatures per "
        "MT system, MQM with the pass/fail verdict, ESA summary and progress."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("document_id", type=int)
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")

    def handle(self, *args: object, **options: object) -> None:
        document = Document.objects.select_related("project").filter(pk=options["document_id"])
        if not document.exists():
            raise CommandError(f"No document with id {options['document_id']}.")
        document = document.get()
        report = reports.document_report(document)
        if options["json"]:
            figures = {"document": {"id": document.pk, "title": document.title}}
            figures.update(reports.report_json(report))
            self.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2))
            return
        self.stdout.write(self._table(document, report))

    def _table(self, document: Document, report: reports.Report) -> str:
        progress = report.progress
        lines = [
            f"{document.title} ({document.language_pair})",
            f"Progress: {progress.approved}/{progress.total} approved ({progress.percent}%), "
            f"{progress.edited} edited, {progress.flagged} with flags",
            "",
            f"{'Scope':<24} {'Segs':>6} {'BLEU':>7} {'chrF':>7} {'chrF++':>7} {'TER':>7} "
            f"{'MQM/100':>8} {'Verdict':>7} {'ESA':>6}",
        ]
        signatures: dict[tuple[str, str], None] = {}
        for scores in report.overall + report.systems + report.editors:
            metrics = "".join(f" {metric.score:7.2f}" for _, metric in scores.metrics)
            for label, metric in scores.metrics:
                signatures[label, metric.signature] = None
            mqm = scores.mqm
            verdict = "-" if mqm is None else ("pass" if mqm.passed else "fail")
            per_100 = "-" if mqm is None else f"{mqm.per_100_words:.2f}"
            esa = "-" if scores.esa.mean is None else f"{scores.esa.mean:.1f}"
            lines.append(
                f"{scores.label[:24]:<24} {scores.segments:>6}{metrics or ' ' * 32} "
                f"{per_100:>8} {verdict:>7} {esa:>6}"
            )
        lines += ["", "sacrebleu signatures:"]
        lines += [f"  {label}: {signature}" for label, signature in signatures]
        return "\n".join(lines)
