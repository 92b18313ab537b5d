"""Many rows inserted straight through the cursor, for the imports and checks that write
thousands of segments or findings at once.

bulk_create builds a model instance a row, passes every value through its field's
preparation and compiles the SQL per batch; on a 50,000-pair import that was two thirds
of the time, and it took longer than running all the checks on a 10,000-segment
document. Callers here pass values already fit for the database (ints, str, and any
other value prepared once with the field's get_db_prep_save).

PostgreSQL takes the rows through COPY, its bulk-load protocol. SQLite takes one INSERT
per batch whose rows come from a VALUES list: one statement runs its setup (cursors on
the table and every index, the AUTOINCREMENT counter) once for the batch instead of once
a row as executemany does, and the values every row shares are bound once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import batched, chain

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.db.models import Model

BATCH_SIZE = 2000


def write_connection(model: type[Model]) -> BaseDatabaseWrapper:
    return connections[router.db_for_write(model)]


def insert_rows(
    model: type[Model],
    field_names: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    shared: Mapping[str, object] | None = None,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Insert `rows` (values in the order of `field_names`) into `model`'s table, with the
    `shared` field values in every row; returns how many rows went in.

    Rows are read and sent a batch at a time, so memory stays bounded.
    """
    shared = shared or {}
    connection = write_connection(model)
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in (*field_names, *shared))
    target = f"{quote(meta.db_table)} ({columns})"
    shared_values = list(shared.values())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            return _copy_rows(cursor, target, rows, shared_values)
        width = len(field_names)
        return _insert_selecting_values(cursor, target, width, rows, shared_values, batch_size)


def _copy_rows(
    cursor: CursorWrapper,
    target: str,
    rows: Iterable[Sequence[object]],
    shared_values: list[object],
) -> int:
    inserted = 0
    # cursor.cursor is psycopg's own cursor, as Django has no COPY; Django's wrapper still
    # turns psycopg's errors into its own. COPY streams the rows in chunks, so there is no
    # batch to bound.
    with cursor.db.wrap_database_errors, cursor.cursor.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row((*row, *shared_values))
            inserted += 1
    return inserted


def _insert_selecting_values(
    cursor: CursorWrapper,
    target: str,
    width: int,
    rows: Iterable[Sequence[object]],
    shared_values: list[object],
    batch_size: int,
) -> int:
    max_params = cursor.db.features.max_query_params
    if max_params:
        batch_size = max(1, min(batch_size, (max_params - len(shared_values)) // width))
    # SQLite names the columns of a VALUES list column1, column2, ...
    selected = ", ".join(
        [*(f"column{number}" for number in range(1, width + 1)), *["%s"] * len(shared_values)]
    )
    row_placeholders = "(" + ", ".join(["%s"] * width) + ")"

    def statement(row_count: int) -> str:
        values = ", ".join([row_placeholders] * row_count)
        return f"INSERT INTO {target} SELECT {selected} FROM (VALUES {values})"

    # Full batches go through one executemany, so Django rewrites the placeholders of one
    # statement, not of every batch; the last, shorter batch has a statement of its own.
    last_batch: list[Sequence[object]] = []
    inserted = 0

    def full_batches() -> Iterator[list[object]]:
        nonlocal inserted
        for batch in batched(rows, batch_size):
            if len(batch) < batch_size:
                last_batch.extend(batch)
                return
            inserted += batch_size
            yield [*shared_values, *chain.from_iterable(batch)]

    cursor.executemany(statement(batch_size), full_batches())
    if last_batch:
        cursor.execute(
            statement(len(last_batch)), [*shared_values, *chain.from_iterable(last_batch)]
        )
    return inserted + len(last_batch)
