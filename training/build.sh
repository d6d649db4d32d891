#!/usr/bin/env bash
# Rebuild the shipped model from ../shared (make model). Fixed seeds. CPU cost: syntax ~25 CPU-min,
# NER ~10 CPU-min, run in parallel: ~30 min on 2 idle cores (the 2026-11-25 build took 95 min wall
# because the shared machine was busy with other jobs). The senter then adds ~10 CPU-min on one core.
# Steps: convert corpora -> static vectors -> train syntax + NER in parallel -> senter -> assemble -> evaluate.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
SHARED=${TURNSTONE_SHARED:-../shared}
if [ ! -d "$SHARED/corpora" ]; then
  echo "make model: training data not found at $SHARED/corpora (the shared corpora beside the project); nothing rebuilt" >&2
  exit 2
fi
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONHASHSEED=0
mkdir -p build/models
$PY -m training.convert --shared "$SHARED" --out build/corpus
$PY -m training.vectors --shared "$SHARED" --out build/vectors
$PY -m spacy train training/parser.cfg -o build/models/parser > build/train-parser.log 2>&1 &
P1=$!
# --code registers the pretraining objective named in ner.cfg's [pretraining] block (spaCy resolves
# it at initialisation even without paths.init_tok2vec; the shipped NER is not pretrained).
$PY -m spacy train training/ner.cfg -o build/models/ner --code training/pretrain.py > build/train-ner.log 2>&1 &
P2=$!
wait $P1 $P2
# senter before the parser (~10 CPU-min): UD train with some full stops dropped and some lower-case
# starts, 30% of sentence ends followed by a line break (news: a headline line is its own sentence),
# plus 1,000 GMB news documents; its starts above P 0.7 go to the parser as hints
$PY -m training.senter_data --drop 0.5 --lower 0.2 --newline 0.3 --news build/corpus/ner_gmb.spacy --news-docs 1000 \
  --out build/corpus/senter_train.spacy
$PY -m spacy train training/senter.cfg -o build/models/senter --paths.train build/corpus/senter_train.spacy \
  > build/train-senter.log 2>&1
$PY -m training.assemble --parser build/models/parser/model-best --ner build/models/ner/model-best \
  --senter build/models/senter/model-best --senter-threshold 0.7
$PY -m training.evaluate --json build/eval.json
$PY -m training.card --eval build/eval.json
