"""Many rows inserted straight through the cursor, for the imports and checks that write
thousands of segments or findings at once.

bulk_create builds a model instance a row, passes every value through its field's
preparation and compiles the SQL per batch; on a 50,000-pair import that was two thirds
of the time, and it took longer than running all the checks on a 10,000-segment
document. Callers here pass values already fit for the database (ints, str, and any
other value prepared once with the field's get_db_prep_save).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import batched

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model

BATCH_SIZE = 2000


def write_connection(model: type[Model]) -> BaseDatabaseWrapper:
    return connections[router.db_for_write(model)]


def insert_rows(
    model: type[Model],
    field_names: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    batch_size: int = BATCH_SIZE,
) -> int:
    """Insert `rows` (values in the order of `field_names`) into `model`'s table, one
    executemany a batch so memory stays bounded; returns how many rows went in."""
    connection = write_connection(model)
    meta = model._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in field_names)
    placeholders = ", ".join(["%s"] * len(field_names))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"
    inserted = 0
    with connection.cursor() as cursor:
        for batch in batched(rows, batch_size):
            cursor.executemany(sql, batch)
            inserted += len(batch)
    return inserted
