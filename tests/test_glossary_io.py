"""Glossary files: CSV and TBX, both ways, and refused input."""

import pytest

from reviewapp.glossary_io import GlossaryTerm, read_csv, read_tbx, write_csv, write_tbx
from reviewapp.importers import ImportRejected

TERMS = [
    GlossaryTerm("Ron Dermer", "رون ديرمر", "Israeli minister"),
    GlossaryTerm("Sweida", "السويداء"),
    GlossaryTerm("Golan Heights", "مرتفعات الجولان", 'note with "quotes", commas'),
]


@pytest.mark.parametrize(
    ("write", "read"),
    [
        (lambda terms: write_csv(terms).encode("utf-8"), read_csv),
        (lambda terms: write_tbx(terms, "en", "ar"), lambda data: read_tbx(data, "en", "ar")),
    ],
    ids=["csv", "tbx"],
)
def test_round_trip(write, read):
    assert read(write(TERMS)) == TERMS


@pytest.mark.parametrize(
    "data",
    [
        "Dermer;ديرمر\nBaku;باكو;city\n",
        "source,target,note\nDermer,ديرمر,\nBaku,باكو,city\n",
        "\ufeffDermer\tديرمر\n\nBaku\tباكو\tcity\n",
    ],
    ids=["semicolon", "header", "tab-bom"],
)
def test_csv_dialects(data):
    assert read_csv(data.encode("utf-8")) == [
        GlossaryTerm("Dermer", "ديرمر"),
        GlossaryTerm("Baku", "باكو", "city"),
    ]


@pytest.mark.parametrize(
    ("reader", "data", "message"),
    [
        (read_csv, b"only one column\n", "one column"),
        (
            lambda d: read_tbx(d, "en", "ar"),
            b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "x">]><martif>&a;</martif>',
            "entities",
        ),
        (lambda d: read_tbx(d, "en", "ar"), b"<html/>", "not a TBX file"),
        (lambda d: read_tbx(d, "en", "ar"), b"<martif", "not well-formed"),
    ],
    ids=["csv-one-column", "tbx-entities", "tbx-wrong-root", "tbx-broken"],
)
def test_bad_files_are_refused_with_a_message(reader, data, message):
    with pytest.raises(ImportRejected, match=message):
        reader(data)


def test_tbx_keeps_only_the_asked_languages():
    data = write_tbx(TERMS, "en", "ar")
    assert read_tbx(data, "en", "fr") == []
