"""Ingest: read raw inputs and turn them into clean Articles."""

from .clean import clean_text
from .readers import read_bytes, read_path, read_paths

__all__ = ["clean_text", "read_bytes", "read_path", "read_paths"]
