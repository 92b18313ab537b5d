"""Exports of a reviewed translation, each format a streaming `Exporter` class.

`EXPORTERS` maps each format's identifier (as used in URLs) to its class.
"""

from reviewapp.exporters.base import (
    Exporter,
    ExportFlag,
    ExportMeta,
    ExportOptions,
    ExportSegment,
    exported_text,
)
from reviewapp.exporters.jsonl import JsonLinesExporter
from reviewapp.exporters.tabular import CsvExporter, MqmExporter, TsvExporter
from reviewapp.exporters.text import PlainTextExporter
from reviewapp.exporters.word import DocxExporter
from reviewapp.exporters.xml_formats import TmxExporter, Xliff12Exporter, Xliff20Exporter

EXPORTERS: dict[str, type[Exporter]] = {
    exporter.identifier: exporter
    for exporter in (
        PlainTextExporter,
        DocxExporter,
        TmxExporter,
        Xliff12Exporter,
        Xliff20Exporter,
        CsvExporter,
        TsvExporter,
        JsonLinesExporter,
        MqmExporter,
    )
}

__all__ = [
    "EXPORTERS",
    "ExportFlag",
    "ExportMeta",
    "ExportOptions",
    "ExportSegment",
    "Exporter",
    "exported_text",
]
