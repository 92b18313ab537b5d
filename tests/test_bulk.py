"""bulk.insert_rows: every row in, in order, with the shared values, whatever the batch size;
database errors come out as Django's."""

import datetime
import sqlite3

import pytest
from django.db import IntegrityError, connection, transaction

from reviewapp.bulk import insert_rows, write_connection
from reviewapp.models import Segment

PAIR_FIELDS = ("position", "paragraph", "source_text", "mt_text", "text")
ROWS = [
    (position, position // 3, f"Sentence {position}.", f"الجملة {position}.", f"الجملة {position}")
    for position in range(7)
]


def shared_values(translation) -> dict[str, object]:
    """Values of every type the imports share between rows, prepared for the database."""
    values = {
        "translation": translation.pk,
        "version": 0,
        "reference_text": "",
        "approved_at": None,
        "esa_score": None,
        "score_stats": {"chrf": [1, 2, 3]},
        "updated_at": datetime.datetime(2026, 11, 29, 12, 0, tzinfo=datetime.UTC),
    }
    database = write_connection(Segment)
    return {
        name: Segment._meta.get_field(name).get_db_prep_save(value, database)
        for name, value in values.items()
    }


def stored(translation) -> list[tuple[object, ...]]:
    return list(translation.segments.order_by("position").values_list(*PAIR_FIELDS))


@pytest.mark.parametrize("batch_size", [1, 2, 3, len(ROWS), 2000])
def test_every_row_goes_in_with_the_shared_values(document, batch_size):
    translation = document.translations.create(system="Engine B")
    shared = shared_values(translation)
    inserted = insert_rows(Segment, PAIR_FIELDS, iter(ROWS), shared=shared, batch_size=batch_size)
    assert inserted == len(ROWS)
    assert stored(translation) == ROWS
    expected = (
        0,
        None,
        {"chrf": [1, 2, 3]},
        datetime.datetime(2026, 11, 29, 12, 0, tzinfo=datetime.UTC),
    )
    assert [
        (segment.version, segment.approved_at, segment.score_stats, segment.updated_at)
        for segment in translation.segments.all()
    ] == [expected] * len(ROWS)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's COPY binds no parameters")
def test_batches_shrink_to_the_database_parameter_limit(document):
    translation = document.translations.create(system="Engine B")
    shared = shared_values(translation)
    # Room for the shared values and two rows a statement.
    connection.ensure_connection()
    limit = len(shared) + 2 * len(PAIR_FIELDS) + 1
    before = connection.connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    try:
        assert insert_rows(Segment, PAIR_FIELDS, ROWS, shared=shared) == len(ROWS)
    finally:
        connection.connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, before)
    assert stored(translation) == ROWS


def test_no_rows_insert_nothing(document):
    translation = document.translations.create(system="Engine B")
    assert insert_rows(Segment, PAIR_FIELDS, [], shared=shared_values(translation)) == 0
    assert not translation.segments.exists()


@pytest.mark.parametrize("duplicate_at", [1, len(ROWS) - 1])
def test_a_refused_row_raises_django_integrity_error(document, duplicate_at):
    translation = document.translations.create(system="Engine B")
    rows = [*ROWS[:duplicate_at], ROWS[0], *ROWS[duplicate_at:]]
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(Segment, PAIR_FIELDS, rows, shared=shared_values(translation), batch_size=3)
    assert not translation.segments.exists()
