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

import numpy as np

from sim.experiment.results import Results, columns_for


def available() -> bool:
    """Whether pyarrow is installed, so the run writes replications.parquet."""
    return importlib.util.find_spec("pyarrow") is not None


def parquet_bytes(results: Results) -> bytes:
    """The results table as the bytes of a Parquet file (needs pyarrow: see `available`)."""
    import pyarrow as pa  # noqa: PLC0415 - an optional extra, imported only when installed
    import pyarrow.parquet as pq  # noqa: PLC0415

    arrays = {}
    for name in columns_for(results.scenario):
        values = results.columns[name]
        if name == "delivery_date":
            dates = [dt.date.fromisoformat(text) if text else None for text in values.tolist()]
            arrays[name] = pa.array(dates, type=pa.date32())
        elif name == "delivery_day":
            arrays[name] = pa.array(values, mask=~np.isfinite(values), type=pa.float64())
        elif values.dtype == object:
            arrays[name] = pa.array(values.tolist(), type=pa.string())
        else:
            arrays[name] = pa.array(values)
    table = pa.table(arrays).replace_schema_metadata(
        {"spacesim.scenario": results.scenario.production.title, "spacesim.seed": str(results.seed)}
    )
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()
