"""Analyze: sentences, tags, parse and named entities from Turnstone's own spaCy model."""
