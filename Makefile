# Turnstone: the commands behind the README. Everything runs in ./.venv.
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SHARED ?= ../shared

.PHONY: install demo test eval bench model eval-model event-model accurate-model lint typecheck clean

$(BIN)/turnstone: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test,postgres]"
	touch $(BIN)/turnstone

install: $(BIN)/turnstone

# Quick start 1: install and run the main job on the bundled sample articles.
demo: install
	$(BIN)/turnstone samples --format table --out samples-output.jsonl

# Quick start 2: install and run every test.
test: install
	$(BIN)/python -m pytest -q

# Accuracy against gold data and open corpora (long; not part of `make test`).
eval: install
	$(BIN)/turnstone eval $(SHARED)/gold/articles/*.gold.json
	@for f in evals/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

# Speed benchmarks (long; not part of `make test`).
bench: install
	@for f in bench/[!_]*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

# Rebuild the shipped English model from $(SHARED)/corpora (~30 min on 2 idle cores; issue 3).
model: install
	TURNSTONE_SHARED=$(SHARED) PYTHON=$(BIN)/python bash training/build.sh

# Retrain the PLOVER sentence classifier from $(SHARED)/reference/plover (~1 min; issue 7).
event-model: install
	$(BIN)/pip install -q -e ".[event-model]"
	TURNSTONE_SHARED=$(SHARED) $(BIN)/python -m training.event_classifier

# Scores of the shipped model: NER on GUM dev / re3d test / UNER EWT dev, POS/UAS/LAS on EWT test, speed.
eval-model: install
	@test -f build/corpus/ud_test.spacy || $(BIN)/python -m training.convert --shared $(SHARED) --out build/corpus
	$(BIN)/python -m training.evaluate --corpus build/corpus

# Export a trained NER teacher (python -m training.teacher train) as the accurate profile's model, with its
# scores; needs the accurate extra in $(VENV) (pip install -e ".[accurate]"), e.g. make accurate-model VENV=../tvenv.
TEACHER ?= build/teacher/t1
accurate-model:
	PYTHONPATH=. $(BIN)/python -m training.accurate_export --model $(TEACHER) --out src/turnstone/analyze/accurate_model

lint: install
	$(BIN)/ruff check src tests

typecheck: install
	$(BIN)/mypy src/turnstone

clean:
	rm -rf build dist *.egg-info .pytest_cache samples-output.jsonl
