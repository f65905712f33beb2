"""The fetch log's one-executemany insert stores what sqlite-utils' insert_all stored, for
rows of one shape and rows whose keys differ (issue 9 replaced the one by the other)."""

from __future__ import annotations

import sqlite3
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from monitor.archive import _insert_rows

_TABLE = ("CREATE TABLE fetches (id INTEGER PRIMARY KEY, source TEXT, url TEXT NOT NULL, "
          "status INTEGER, bytes INTEGER, elapsed REAL, error TEXT, at TEXT NOT NULL)")
_VALUES = st.one_of(st.none(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=False),
                    st.text(max_size=5), st.booleans())
_COLUMNS = ("source", "url", "status", "bytes", "elapsed", "error", "at", "unknown")


def _stored(insert: Any, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]] | str:
    db = Database(memory=True)
    db.execute(_TABLE)
    try:
        insert(db, rows)
    except sqlite3.Error as exc:
        return type(exc).__name__
    return db.execute("SELECT * FROM fetches ORDER BY id").fetchall()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(_COLUMNS), _VALUES, min_size=1),
                min_size=1, max_size=6), st.booleans())
def test_rows_stored_as_insert_all_stored_them(rows: list[dict[str, Any]], one_shape: bool) -> None:
    """Same columns in any order, missing keys, a key the table lacks, NULL in a NOT NULL
    column, booleans and large integers: the same rows stored, or the same error."""
    if one_shape:
        rows = [dict(reversed([(k, row.get(k)) for k in rows[0]])) if i % 2 else
                {k: row.get(k) for k in rows[0]} for i, row in enumerate(rows)]
    new = _stored(lambda db, r: _insert_rows(db, "fetches", r), rows)
    old = _stored(lambda db, r: db.table("fetches").insert_all(r), rows)
    assert new == old
