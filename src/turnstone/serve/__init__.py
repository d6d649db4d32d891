"""Serve: the HTTP API and web UI."""
