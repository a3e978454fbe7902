"""replications.parquet: the results table, typed, for pandas, Polars, DuckDB or Spark.

Written when pyarrow is installed (the ``parquet`` extra: ``pip install 'spacesim[parquet]'``);
without it the run writes everything else and the CSV holds the same rows. Types are the
table's own: text as strings, `replication` as an integer, `delivered` as a flag, every other
column a double; the delivery date is a date, and a film never delivered has no delivery day
or date (null) rather than infinity and an empty string.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
from typing import Any

import numpy as np

from sim.experiment.results import Results, columns_for


def available() -> bool:
    """Whether pyarrow is installed, so the run writes replications.parquet."""
    return importlib.util.find_spec("pyarrow") is not None


def parquet_bytes(results: Results) -> bytes:
    """The results table as the bytes of a Parquet file (needs pyarrow: see `available`).

    The columns are built from their buffers (`pyarrow.Array.from_buffers`): `pyarrow.array`
    imports pandas where it is installed, a third of a second of every run for nothing.
    """
    import pyarrow as pa  # noqa: PLC0415 - an optional extra, imported only when installed
    import pyarrow.parquet as pq  # noqa: PLC0415

    arrays = []
    names = columns_for(results.scenario)
    for name in names:
        values = results.columns[name]
        if name == "delivery_date":
            known = values != ""
            days = np.zeros(len(values), dtype=np.int32)
            days[known] = [
                (dt.date.fromisoformat(text) - EPOCH).days for text in values[known].tolist()
            ]
            arrays.append(_array(pa, pa.date32(), days, known))
        elif name == "delivery_day":
            arrays.append(_array(pa, pa.float64(), values.astype(float), np.isfinite(values)))
        elif values.dtype == object:
            arrays.append(_strings(pa, values.tolist()))
        elif values.dtype == bool:
            bits = pa.py_buffer(np.packbits(values, bitorder="little"))
            arrays.append(pa.Array.from_buffers(pa.bool_(), len(values), [None, bits]))
        else:
            kind = pa.int64() if values.dtype.kind in "iu" else pa.float64()
            arrays.append(_array(pa, kind, values.astype(kind.to_pandas_dtype()), None))
    table = pa.Table.from_arrays(arrays, names=names).replace_schema_metadata(
        {"spacesim.scenario": results.scenario.production.title, "spacesim.seed": str(results.seed)}
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


#: Day 0 of Arrow's dates.
EPOCH = dt.date(1970, 1, 1)


def _array(pa: Any, kind: Any, values: np.ndarray, valid: np.ndarray | None) -> Any:
    """A fixed-width Arrow array of `values`, null where `valid` is False."""
    mask = None if valid is None or valid.all() else _bitmap(pa, valid)
    data = pa.py_buffer(np.ascontiguousarray(values))
    return pa.Array.from_buffers(kind, len(values), [mask, data])


def _strings(pa: Any, texts: list[str]) -> Any:
    """An Arrow string array of `texts` (UTF-8, int32 offsets)."""
    encoded = [text.encode("utf-8") for text in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(one) for one in encoded], out=offsets[1:])
    buffers = [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    return pa.Array.from_buffers(pa.string(), len(encoded), buffers)


def _bitmap(pa: Any, valid: np.ndarray) -> Any:
    return pa.py_buffer(np.packbits(valid, bitorder="little"))
