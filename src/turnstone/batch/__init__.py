"""Batch: many articles over many cores or a Dask cluster."""
