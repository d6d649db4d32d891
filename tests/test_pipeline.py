import pytest

from turnstone.errors import StageError
from turnstone.model import Article
from turnstone.pipeline import DEFAULT_STAGES, REGISTRY, Pipeline, Stage, check_order


def test_pipeline_default_stage_order_is_registered():
    pipeline = Pipeline.default()
    assert pipeline.names == list(DEFAULT_STAGES)
    for name in DEFAULT_STAGES:
        assert REGISTRY[name].assigns, f"stage {name} declares nothing it assigns"


def test_pipeline_rejects_a_stage_before_its_requirements():
    late = Stage("needs_doc", lambda a: a, requires=("doc",))
    with pytest.raises(StageError, match="needs_doc"):
        check_order([late])


def test_pipeline_error_handler_gets_the_failure():
    def broken(article: Article) -> Article:
        raise ValueError("boom")

    seen = []
    pipeline = Pipeline([Stage("broken", broken)], on_error=lambda a, s, e: seen.append((a.id, s.name, str(e))))
    pipeline(Article(text="x", id="a1"))
    assert seen == [("a1", "broken", "boom")]


def test_pipeline_default_handler_raises_with_article_id():
    pipeline = Pipeline([Stage("broken", lambda a: 1 / 0)])  # type: ignore[arg-type, return-value]
    with pytest.raises(StageError, match="a1"):
        pipeline(Article(text="x", id="a1"))
