"""Turnstone's exceptions, each with a stable code users can search for.

    TurnstoneError
    ├── InputError            E1xx  an input cannot be read or parsed
    │   ├── EmptyInputError   E101
    │   ├── BinaryInputError  E102
    │   ├── EncodingError     E103
    │   ├── UnreadableError   E104
    │   └── BadRecordError    E105  a JSONL line or feed item is malformed
    ├── StageError            E2xx  a pipeline stage failed on an article
    ├── KnowledgeBaseError    E3xx  a knowledge-base file is invalid
    ├── StoreError            E4xx  the database refused an operation
    └── ProfileError          E500  a processing profile is unknown or cannot load
        └── MissingExtraError E501  the profile needs an extra that is not installed
"""

from __future__ import annotations


class TurnstoneError(Exception):
    code = "E000"

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}"
        prefix = f"{where}: " if where else ""
        return f"{prefix}[{self.code}] {self.message}"


class InputError(TurnstoneError):
    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class UnreadableError(InputError):
    code = "E104"


class BadRecordError(InputError):
    code = "E105"


class StageError(TurnstoneError):
    code = "E200"


class KnowledgeBaseError(TurnstoneError):
    code = "E300"


class StoreError(TurnstoneError):
    code = "E400"


class ProfileError(TurnstoneError):
    code = "E500"


class MissingExtraError(ProfileError):
    code = "E501"
