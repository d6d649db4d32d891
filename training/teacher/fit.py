"""Fine-tuning of the NER teacher; the model, tokenizer, tagging and saving live in the package
(``turnstone.analyze.accurate``), which the accurate profile ships. Needs the ``teacher`` extra."""

from __future__ import annotations

import logging
import math
import random
import time

import torch
from torch import nn

from turnstone.analyze.accurate.data import IGNORE, Window
from turnstone.analyze.accurate.model import Teacher, batches, collate

LOGGER = logging.getLogger(__name__)


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
