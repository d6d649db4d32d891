"""Full-text search over articles and quotes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ..store import Store
from .app import get_store
from .schemas import ERRORS

router = APIRouter(prefix="/api/search", tags=["search"], responses=ERRORS)
StoreDep = Annotated[Store, Depends(get_store)]
QText = Annotated[str, Query(min_length=1, max_length=500, description="Words, all required; word* for a prefix")]


@router.get("/articles", summary="Search article titles and texts")
def search_articles(q: QText, store: StoreDep, limit: Annotated[int, Query(ge=1, le=200)] = 20,
                    offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    """Best matches first; ``snippet`` marks the matched words with ``[[`` and ``]]``."""
    return {"q": q, "limit": limit, "offset": offset, "items": store.search_articles(q, limit, offset)}


@router.get("/quotes", summary="Search quotes and their speakers")
def search_quotes(q: QText, store: StoreDep, limit: Annotated[int, Query(ge=1, le=200)] = 20,
                  offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    return {"q": q, "limit": limit, "offset": offset, "items": store.search_quotes(q, limit, offset)}
