"""Cross-article event clustering measured on ECB+ within-topic event coreference.

Every gold event mention (ACTION_* / NEG_ACTION_* markables in the sentences ECB+ marks as
annotated) becomes one report for ``turnstone.store.cluster``; the mentions of one topic (its two
sub-topics mixed, documents in name order) are clustered by the same greedy online procedure the
store uses, and scored against the gold cross-document chains with MUC, B-cubed and pairwise
precision/recall/F1 (CoNLL-style average = mean of MUC and B-cubed F1 here; no CEAF).

ECB+ events are not PLOVER events, so the *type* the store requires to match is stood in for by
the stem of the trigger word (each PLOVER type is a family of such verbs). Participants are the
entity mentions (HUMAN_PART, NON_HUMAN_PART, LOC) in the mention's sentence, either by their head
word (``heads``) or by their gold entity instance (``linked``, what Turnstone's resolved actor
codes give the store). ECB+ has no normalised dates, so the date window is not exercised.

Thresholds are tuned on topics 1-25 (ECB+ train+dev) and reported on topics 26-35 (test part
present in ../shared). Run: ``.venv/bin/python evals/events_ecbplus.py``.
"""

from __future__ import annotations

import csv
import itertools
import os
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from turnstone.store import cluster as clu

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TURNSTONE_SHARED", ROOT.parent / "shared")).resolve()
ECB = SHARED / "corpora" / "ecbplus"
PRONOUNS = frozenset(["i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "who", "whom", "which", "what", "one"])


@dataclass
class Mention:
    topic: int
    doc: str
    gold: str
    signature_heads: clu.Signature
    signature_linked: clu.Signature
    trigger: str


def _sentences_marked() -> set[tuple[str, int]]:
    marked = set()
    with open(ECB / "ECBplus_coreference_sentences.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            marked.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    return marked


def read_doc(path: Path, topic: int, marked: set[tuple[str, int]]) -> list[Mention]:
    root = ET.parse(path).getroot()
    doc = path.stem  # e.g. 1_10ecbplus
    tokens = {t.get("t_id"): (int(t.get("sentence") or 0), t.text or "") for t in root.iter("token")}
    sentence_text: dict[int, list[str]] = defaultdict(list)
    for sent, word in tokens.values():
        sentence_text[sent].append(word)
    markables = root.find("Markables")
    relations = root.find("Relations")
    if markables is None:
        return []
    spans: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    descriptors: dict[str, str] = {}
    for m in markables:
        anchors = [a.get("t_id") for a in m.findall("token_anchor")]
        if anchors:
            spans[m.get("m_id") or ""] = [a for a in anchors if a]
            kinds[m.get("m_id") or ""] = m.tag
        elif m.get("instance_id") or m.get("TAG_DESCRIPTOR"):
            descriptors[m.get("m_id") or ""] = m.get("instance_id") or m.get("TAG_DESCRIPTOR") or ""
    chain: dict[str, str] = {}
    for rel in relations if relations is not None else []:
        target = rel.find("target")
        if target is None:
            continue
        if rel.tag == "CROSS_DOC_COREF":
            key = rel.get("note") or f"{doc}/{target.get('m_id')}"
        elif rel.tag == "INTRA_DOC_COREF":
            key = f"{doc}/{descriptors.get(target.get('m_id') or '', target.get('m_id'))}"
        else:
            continue
        for src in rel.findall("source"):
            chain[src.get("m_id") or ""] = key
    # Entity mentions per sentence: head word and gold instance.
    participants: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for mid, anchor in spans.items():
        if kinds[mid].startswith(("HUMAN_PART", "NON_HUMAN_PART", "LOC_")):
            sent = tokens[anchor[0]][0]
            words = [tokens[a][1].lower() for a in anchor]
            head = next((w for w in reversed(words) if w.isalpha() and w not in PRONOUNS), "")
            participants[sent].append((head, chain.get(mid, f"{doc}/{mid}")))
    out = []
    for mid, anchor in spans.items():
        if not kinds[mid].startswith(("ACTION", "NEG_ACTION")):
            continue
        sent = tokens[anchor[0]][0]
        if (doc, sent) not in marked:
            continue
        words = [tokens[a][1] for a in anchor]
        trigger = next((w for w in words if w.lower() not in clu._STOP and w.isalpha()), words[0])
        stem = clu.stem(trigger.lower())
        text = " ".join(sentence_text[sent])
        tokens_ = clu.evidence_tokens(text)
        heads = {h for h, _ in participants[sent] if h}
        linked = {inst for _, inst in participants[sent]}
        out.append(Mention(topic, doc, chain.get(mid, f"{doc}/single/{mid}"),
                           clu.Signature(stem, None, None, heads, tokens_),
                           clu.Signature(stem, None, None, linked, tokens_), trigger))
    return out


def load(topics: list[int]) -> dict[int, list[Mention]]:
    marked = _sentences_marked()
    data: dict[int, list[Mention]] = {}
    for topic in topics:
        folder = ECB / "ECB+" / str(topic)
        if not folder.exists():
            continue
        mentions: list[Mention] = []
        for path in sorted(folder.glob("*.xml")):
            mentions += read_doc(path, topic, marked)
        data[topic] = mentions
    return data


# -- metrics --------------------------------------------------------------------------------------

def _clusters(labels: list[str]) -> list[set[int]]:
    groups: dict[str, set[int]] = defaultdict(set)
    for i, label in enumerate(labels):
        groups[label].add(i)
    return list(groups.values())


def muc(key: list[set[int]], response: list[set[int]]) -> tuple[float, float]:
    def part(a: list[set[int]], b: list[set[int]]) -> tuple[int, int]:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            pieces = {where.get(m, ("x", m)) for m in c}
            num += len(c) - len(pieces)
            den += len(c) - 1
        return num, den

    rn, rd = part(key, response)
    pn, pd = part(response, key)
    return (pn, pd), (rn, rd)  # type: ignore[return-value]


def bcubed(key: list[set[int]], response: list[set[int]]) -> tuple[float, float, int]:
    kof = {m: c for c in key for m in c}
    rof = {m: c for c in response for m in c}
    p = sum(len(rof[m] & kof[m]) / len(rof[m]) for m in kof)
    r = sum(len(rof[m] & kof[m]) / len(kof[m]) for m in kof)
    return p, r, len(kof)


def pairwise(key_labels: list[str], response_labels: list[str]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(key_labels)), 2):
        same_k, same_r = key_labels[i] == key_labels[j], response_labels[i] == response_labels[j]
        tp += same_k and same_r
        fp += same_r and not same_k
        fn += same_k and not same_r
    return tp, fp, fn


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(data: dict[int, list[Mention]], system: str, **kw: float) -> dict[str, float]:
    muc_p = [0, 0]
    muc_r = [0, 0]
    b_p = b_r = 0.0
    n = 0
    pw = [0, 0, 0]
    for mentions in data.values():
        gold = [m.gold for m in mentions]
        labels = [str(x) for x in predict(mentions, system, **kw)]
        key, resp = _clusters(gold), _clusters(labels)
        (pn, pd), (rn, rd) = muc(key, resp)
        muc_p[0] += pn; muc_p[1] += pd; muc_r[0] += rn; muc_r[1] += rd
        bp, br, count = bcubed(key, resp)
        b_p += bp; b_r += br; n += count
        for i, v in enumerate(pairwise(gold, labels)):
            pw[i] += v
    mp = muc_p[0] / muc_p[1] if muc_p[1] else 0.0
    mr = muc_r[0] / muc_r[1] if muc_r[1] else 0.0
    bp, br = b_p / n, b_r / n
    pp = pw[0] / (pw[0] + pw[1]) if pw[0] + pw[1] else 0.0
    pr = pw[0] / (pw[0] + pw[2]) if pw[0] + pw[2] else 0.0
    return {"muc_p": mp, "muc_r": mr, "muc_f": _f(mp, mr), "b3_p": bp, "b3_r": br, "b3_f": _f(bp, br),
            "conll2": (_f(mp, mr) + _f(bp, br)) / 2, "pair_p": pp, "pair_r": pr, "pair_f": _f(pp, pr)}


def predict(mentions: list[Mention], system: str, **kw: float) -> list[int]:
    if system == "singletons":
        return list(range(len(mentions)))
    if system == "one-per-topic":
        return [0] * len(mentions)
    if system == "same-trigger-stem":
        stems: dict[str, int] = {}
        return [stems.setdefault(m.signature_heads.event, len(stems)) for m in mentions]
    sigs = [m.signature_linked if system == "turnstone-linked" else m.signature_heads for m in mentions]
    old = clu.PARTICIPANT_WEIGHT
    clu.PARTICIPANT_WEIGHT = kw.get("weight", old)
    try:
        return clu.cluster_signatures(sigs, min_score=kw.get("min_score", clu.MIN_SCORE))
    finally:
        clu.PARTICIPANT_WEIGHT = old


def main() -> int:
    if not ECB.exists():
        print(f"skipped: {ECB} is absent (the shared corpora beside the project)")
        return 0
    started = time.time()
    tune = load(list(range(1, 26)))
    test = load(list(range(26, 46)))
    n_tune = sum(len(v) for v in tune.values())
    n_test = sum(len(v) for v in test.values())
    print(f"ECB+ event mentions in annotated sentences: tune topics {sorted(tune)} = {n_tune}, "
          f"test topics {sorted(test)} = {n_test}")
    best: dict[str, tuple[float, float, float]] = {}
    for system in ("turnstone-heads", "turnstone-linked"):
        grid = [(w, s) for w in (0.0, 0.25, 0.5, 0.75) for s in (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)]
        results = [(score(tune, system, weight=w, min_score=s)["conll2"], w, s) for w, s in grid]
        best[system] = max(results)
        print(f"tuned {system} on topics 1-25: weight={best[system][1]} min_score={best[system][2]} "
              f"CoNLL(MUC,B3)={best[system][0]:.3f}")
    header = f"{'system (test topics 26-35)':34} {'MUC P':>6} {'R':>6} {'F1':>6} {'B3 P':>6} {'R':>6} {'F1':>6} " \
             f"{'avg':>6} {'pair P':>6} {'R':>6} {'F1':>6}"
    print(header)
    rows = [("singletons", {}), ("one-per-topic", {}), ("same-trigger-stem", {}),
            ("turnstone-heads", {"weight": clu.PARTICIPANT_WEIGHT, "min_score": clu.MIN_SCORE}),
            ("turnstone-linked", {"weight": clu.PARTICIPANT_WEIGHT, "min_score": clu.MIN_SCORE})]
    for system, kw in rows:
        s = score(test, system, **kw)
        label = system + (" (shipped defaults)" if kw else "")
        print(f"{label:34} {s['muc_p']:6.3f} {s['muc_r']:6.3f} {s['muc_f']:6.3f} {s['b3_p']:6.3f} {s['b3_r']:6.3f} "
              f"{s['b3_f']:6.3f} {s['conll2']:6.3f} {s['pair_p']:6.3f} {s['pair_r']:6.3f} {s['pair_f']:6.3f}")
    for system in ("turnstone-heads", "turnstone-linked"):
        _, w, m = best[system]
        s = score(test, system, weight=w, min_score=m)
        label = f"{system} (tuned w={w} t={m})"
        print(f"{label:34} {s['muc_p']:6.3f} {s['muc_r']:6.3f} {s['muc_f']:6.3f} {s['b3_p']:6.3f} {s['b3_r']:6.3f} "
              f"{s['b3_f']:6.3f} {s['conll2']:6.3f} {s['pair_p']:6.3f} {s['pair_r']:6.3f} {s['pair_f']:6.3f}")
    print(f"({time.time() - started:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
