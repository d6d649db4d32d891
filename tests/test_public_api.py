import json
from pathlib import Path

import turnstone
from turnstone.pipeline import REGISTRY, Pipeline

SNAPSHOT = Path(__file__).with_name("stage_registrations.json")


def test_public_api_all_is_sorted_and_complete():
    assert turnstone.__all__ == sorted(turnstone.__all__)
    for name in turnstone.__all__:
        assert hasattr(turnstone, name), name


def test_public_api_stage_registry_snapshot():
    # A renamed or removed stage breaks stored results and user configs: update the snapshot on purpose.
    Pipeline.default()
    registered = {name: {"requires": list(s.requires), "assigns": list(s.assigns)} for name, s in sorted(REGISTRY.items())}
    assert registered == json.loads(SNAPSHOT.read_text())


def test_public_api_pipeline_version_names_the_stages():
    version = Pipeline.default().version
    assert version.startswith(turnstone.__version__) and "events" in version
