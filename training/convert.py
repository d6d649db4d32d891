"""Convert the open corpora in ../shared/corpora into spaCy DocBin files.

Usage: python -m training.convert [--shared ../shared] [--out build/corpus]

Nothing from ../shared is copied into the project: the DocBins go to an ignored
folder (build/corpus by default). Only corpora whose licence allows shipping a
model trained on them are used for training (see MODEL_CARD.md); the
evaluation sets (GUM dev, re3d test, UNER EWT dev, EWT test) are never trained on.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from training.places import is_gpe_name, looks_like_demonym, place_label

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
# GUM genres whose *text* licence allows redistribution (gum/LICENSE.txt):
# academic, court (CC BY 4.0), bio, voyage (CC BY-SA 3.0), interview/news (CC BY 2.5).
GUM_OK_GENRES = ("academic", "bio", "court", "voyage", "interview", "news")
SEED = 0
# Copies of each NER corpus in ner_train: the small hand-annotated sets are repeated so that
# the 1M tokens of silver GMB tags do not drown them; half of GMB (measured 2026-11-25, see the model card).
UPSAMPLE: dict[str, float] = {"gmb": 0.5, "redocred": 1, "wikigold": 3, "crossner": 2, "btc_news": 3,
                               "gum_train": 4, "re3d_train": 6, "wnut17": 2}

Sent = list[dict[str, str]]
SpanT = tuple[int, int, str]  # start, end (exclusive), label; label "-" = missing


def shared_root(arg: str | None) -> Path:
    root = Path(arg) if arg else Path(__file__).resolve().parent.parent.parent / "shared"
    if not (root / "corpora").is_dir():
        sys.exit(f"training data not found: {root}/corpora is missing (run from a checkout beside ../shared)")
    return root


# ---------------------------------------------------------------- CoNLL-U


def read_conllu(path: Path) -> Iterator[tuple[dict[str, str], Sent]]:
    meta: dict[str, str] = {}
    toks: Sent = []
    with path.open(encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if toks:
                    yield meta, toks
                meta, toks = {}, []
                continue
            if line.startswith("#"):
                if " = " in line:
                    k, v = line[1:].split(" = ", 1)
                    meta[k.strip()] = v
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            toks.append(
                {"id": cols[0], "form": cols[1], "lemma": cols[2], "upos": cols[3], "xpos": cols[4],
                 "feats": cols[5], "head": cols[6], "deprel": cols[7], "misc": cols[9]}
            )
    if toks:
        yield meta, toks


def ud_doc(vocab: Vocab, sents: list[Sent], ents: list[list[SpanT]] | None = None) -> Doc:
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    offset = 0
    for sent in sents:
        for i, t in enumerate(sent):
            words.append(t["form"])
            spaces.append("SpaceAfter=No" not in t["misc"])
            tags.append(t["xpos"] if t["xpos"] != "_" else t["upos"])
            pos.append(t["upos"])
            morphs.append(t["feats"] if t["feats"] != "_" else "")
            lemmas.append(t["lemma"])
            h = int(t["head"])
            heads.append(offset + h - 1 if h else offset + i)
            deps.append(t["deprel"].split(":")[0] if t["deprel"] != "root" else "ROOT")
            starts.append(i == 0)
        offset += len(sent)
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs,
              lemmas=lemmas, heads=heads, deps=deps, sent_starts=starts)
    if ents is not None:
        flat: list[SpanT] = []
        offset = 0
        for sent, sent_ents in zip(sents, ents):
            flat.extend((s + offset, e + offset, lab) for s, e, lab in sent_ents)
            offset += len(sent)
        set_spans(doc, flat)
    return doc


def set_spans(doc: Doc, spans: list[SpanT]) -> None:
    ents, missing = [], []
    taken: set[int] = set()
    for s, e, lab in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if e <= s or taken.intersection(range(s, e)):
            continue
        taken.update(range(s, e))
        if lab == "-":
            missing.append(Span(doc, s, e))
        else:
            ents.append(Span(doc, s, e, label=lab))
    doc.set_ents(ents, missing=missing, default="outside")


# ---------------------------------------------------------------- GUM entities

_ENT_RE = re.compile(r"\((\d+)-([^()]*?)(\))?(?=\(|\d+\)|$)|(\d+)\)")


def gum_mentions(sent: Sent) -> list[tuple[int, int, str, str]]:
    """(start, end, etype, identity) for every entity mention in one sentence."""
    open_: dict[str, list[tuple[int, str, str]]] = {}
    out = []
    for i, t in enumerate(sent):
        m = re.search(r"(?:^|\|)Entity=([^|]*)", t["misc"])
        if not m:
            continue
        for g in _ENT_RE.finditer(m.group(1)):
            if g.group(1):
                fields = g.group(2).split("-")
                etype, ident = fields[0], "-".join(fields[6:]) if len(fields) > 6 else ""
                if g.group(3):
                    out.append((i, i + 1, etype, ident))
                else:
                    open_.setdefault(g.group(1), []).append((i, etype, ident))
            elif g.group(4) and open_.get(g.group(4)):
                s, etype, ident = open_[g.group(4)].pop()
                out.append((s, i + 1, etype, ident))
    return out


GUM_TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE", "event": "EVENT"}
# Dependents that take a GUM mention beyond the name: 'London, where I ...', 'Francis Hodgson,
# a Fellow at King's College', 'Joshua Norton, in full military regalia'.
_NOT_NAME = {"acl", "advcl", "appos", "parataxis", "dep", "list", "orphan", "discourse", "vocative",
             "reparandum", "dislocated", "punct"}


def _case_words(sent: Sent, k: int) -> set[str]:
    tid = sent[k]["id"]
    return {t["form"].lower() for t in sent if t["head"] == tid and t["deprel"] == "case"}


def name_core(sent: Sent, s: int, e: int, head: int) -> tuple[int, int]:
    """The name inside mention [s, e) with head token ``head``: the contiguous run of tokens
    around the head that hang from it through name-internal relations (flat, compound, 'of'
    nmods with a proper noun ...). Coordinations on the head ('Kirk M. Bart and Celeste
    Pollock') and clauses, appositions and common-noun modifiers are left out."""
    idx = {int(sent[k]["id"]): k for k in range(s, e)}
    keep = {head}
    changed = True
    while changed:
        changed = False
        for k in range(s, e):
            if k in keep:
                continue
            h = idx.get(int(sent[k]["head"]))
            if h is None or h not in keep:
                continue
            rel = sent[k]["deprel"].split(":")[0]
            if rel in _NOT_NAME and not (rel == "punct" and sent[k]["form"] in {"-", "&", "/", "."}):
                continue
            if h == head and rel in {"conj", "cc"}:
                continue
            if rel == "nmod" and (sent[k]["deprel"] in {"nmod:unmarked", "nmod:tmod", "nmod:npmod"}
                                  or not sent[k]["form"][:1].isupper()
                                  or _case_words(sent, k) - {"of", "for", "and", "'s"}):
                continue  # 'Bank of England' is a name, 'Rezwan from Bangladesh' is not
            keep.add(k)
            changed = True
    lo = hi = head
    while lo - 1 >= s and lo - 1 in keep:
        lo -= 1
    while hi + 1 < e and hi + 1 in keep:
        hi += 1
    return lo, hi + 1


def gum_named(sent: Sent, place_mode: str = "split") -> list[SpanT]:
    """Named mentions (head is PROPN) of person/organization/place/event, trimmed to
    the proper-noun core: 'the Bank of England' -> 'Bank of England'.
    place_mode 'split' maps places to GPE/LOC/FAC, 'merge' keeps PLACE."""
    spans: list[SpanT] = []
    for s, e, etype, _ in gum_mentions(sent):
        lab = GUM_TYPES.get(etype)
        if not lab:
            continue
        ids = {int(sent[k]["id"]) for k in range(s, e)}
        heads = [k for k in range(s, e) if int(sent[k]["head"]) not in ids]
        if len(heads) != 1 or sent[heads[0]]["upos"] != "PROPN":
            continue
        s, e = name_core(sent, s, e, heads[0])
        words = [t["form"] for t in sent]
        if lab == "PERSON":
            s, e = strip_person(words, s, e)
        else:
            s, e = strip_det(words, s, e)
            while e > s and not (words[e - 1][:1].isupper() or words[e - 1][:1].isdigit()):
                e -= 1
        if e <= s:
            continue
        if lab == "PLACE" and place_mode == "split":
            lab = place_label(words[s:e])
        if lab == "PERSON" and looks_like_demonym(words[s:e]):
            lab = "NORP"  # 'Americans' is a GUM person mention, NORP in OntoNotes
        spans.append((s, e, lab))
    # 'Eugene, Oregon': keep the two inner names rather than the outer mention
    spans = [x for x in spans if not ("," in [t["form"] for t in sent[x[0]:x[1]]]
             and any(y != x and x[0] <= y[0] and y[1] <= x[1] for y in spans))]
    # outermost first; set_spans drops overlaps
    return spans


def gum_docs(vocab: Vocab, dep_dir: Path, names: Iterable[str], *, ner: bool,
             place_mode: str = "split") -> Iterator[Doc]:
    for name in names:
        path = dep_dir / f"{name}.conllu"
        if not path.exists():
            continue
        sents = [s for _, s in read_conllu(path)]
        for i in range(0, len(sents), 10):
            chunk = sents[i:i + 10]
            ents = [gum_named(s, place_mode) for s in chunk] if ner else None
            yield ud_doc(vocab, chunk, ents)


def gum_split(gum: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    cur = None
    for line in (gum / "splits.md").read_text().splitlines():
        if line.startswith("## "):
            cur = line[3:].strip()
            out[cur] = []
        elif line.strip().startswith("* GUM_") and cur:
            out[cur].append(line.strip()[2:])
    return out


# ---------------------------------------------------------------- BIO readers


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB1 or IOB2 tags -> spans with the raw type."""
    spans = []
    start, typ = None, None
    for i, tag in enumerate(tags + ["O"]):
        if tag == "O" or tag == "" or "-" not in tag:
            if start is not None:
                spans.append((start, i, typ))
            start, typ = None, None
            continue
        pre, t = tag.split("-", 1)
        if pre == "B" or t != typ or start is None:
            if start is not None:
                spans.append((start, i, typ))
            start, typ = i, t
    return spans


def read_columns(path: Path, word_col: int = 0, tag_col: int = -1, sep: str | None = None,
                 encoding: str = "utf8") -> Iterator[tuple[list[str], list[str]]]:
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding=encoding) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("-DOCSTART-"):
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            if line.startswith("#"):
                continue
            cols = line.split(sep) if sep else line.split()
            if len(cols) < 2:
                continue
            words.append(cols[word_col])
            tags.append(cols[tag_col])
    if words:
        yield words, tags


def make_docs(vocab: Vocab, sents: list[tuple[list[str], list[SpanT]]], per_doc: int = 10) -> Iterator[Doc]:
    for i in range(0, len(sents), per_doc):
        chunk = sents[i:i + per_doc]
        words: list[str] = []
        starts: list[bool] = []
        spans: list[SpanT] = []
        for w, sp in chunk:
            spans.extend((s + len(words), e + len(words), lab) for s, e, lab in sp)
            starts.extend([True] + [False] * (len(w) - 1))
            words.extend(w)
        doc = Doc(vocab, words=words, sent_starts=starts)
        set_spans(doc, spans)
        yield doc


TITLES = {
    "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "president", "prime", "minister", "general",
    "gen.", "secretary", "senator", "sen.", "king", "queen", "prince", "princess", "vice", "pope",
    "chancellor", "governor", "gov.", "rep.", "representative", "judge", "justice", "chief",
    "deputy", "ambassador", "envoy", "commander", "admiral", "adm.", "premier", "cardinal", "rev.",
    "bishop", "archbishop", "former", "foreign", "defense", "defence", "interior", "state",
    "lieutenant", "lt.", "colonel", "col.", "sgt.", "sergeant", "captain", "capt.", "major",
    "maj.", "sheikh", "ayatollah", "grand", "leader", "spokesman", "spokeswoman", "mayor",
    "professor", "prof.", "lord", "sir", "dame", "emir", "sultan", "crown", "first", "lady",
    "speaker", "senior", "supreme", "opposition", "party", "council", "chairman", "director",
    "officer", "attorney", "u.s.", "u.n.", "un", "us", "british", "iraqi", "israeli", "palestinian",
    "afghan", "russian", "french", "chinese", "american", "german", "iranian", "pakistani",
    "indian", "egyptian", "turkish", "japanese", "prosecutor", "minster", "finance", "trade",
    "economy", "health", "energy", "agriculture", "education", "affairs", "home",
    "information", "army", "military", "coalition", "rebel", "militant", "cleric",
    "the", "a", "an", "acting", "incoming", "outgoing", "late", "then", "new",
    "emperor", "empress", "saint", "st.", "miss", "madame", "uncle", "aunt", "coach",
}


def strip_person(words: list[str], s: int, e: int) -> tuple[int, int]:
    # 'Tobias Ellwood, Foreign Office Minister for the Middle East': the name ends at the comma
    if "," in words[s + 1:e]:
        e = words.index(",", s + 1, e)
    # 'FCO Minister Tobias Ellwood': everything up to the last title word is the title
    last_title = max((k for k in range(s, e - 1) if words[k].lower() in ROLE_TITLES), default=None)
    if last_title is not None:
        s = last_title + 1
    while s < e and (words[s].lower() in TITLES or not words[s][:1].isupper()):
        s += 1
    while e > s and not (words[e - 1][:1].isupper() or words[e - 1][:1].isdigit()
                         or words[e - 1] in {"Jr.", "II", "III"}):
        e -= 1
    return s, e


# Office words that end a title before a name ('Foreign Office Minister Tobias Ellwood').
ROLE_TITLES = {"minister", "secretary", "president", "spokesman", "spokeswoman", "ambassador", "envoy",
               "commander", "general", "gen.", "col.", "colonel", "director", "chairman", "adviser",
               "advisor", "governor", "senator", "sen.", "mayor", "chief", "officer", "premier"}
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "our", "their"}


def strip_det(words: list[str], s: int, e: int) -> tuple[int, int]:
    while s < e and not words[s][:1].isupper() and not words[s][:1].isdigit():
        s += 1
    if s < e and words[s] in {"The", "A", "An"} and e - s > 1:
        s += 1
    while e > s and words[e - 1] in {"'s", "'", ",", ".", "-", ")", "(", '"'}:
        e -= 1
    return s, e


def map_generic(words: list[str], s: int, e: int, typ: str) -> SpanT | None:
    """Map PER/ORG/LOC/MISC style labels to Turnstone labels; MISC -> NORP or missing."""
    t = typ.upper()
    if t in {"PER", "PERSON", "POLITICIAN"}:
        s2, e2 = strip_person(words, s, e)
        return (s2, e2, "PERSON") if e2 > s2 else None
    s, e = strip_det(words, s, e)
    if e <= s:
        return None
    toks = words[s:e]
    if t in {"ORG", "ORGANISATION", "ORGANIZATION", "POLITICALPARTY"}:
        return (s, e, "ORG")
    if t in {"LOC", "LOCATION", "COUNTRY", "GEO", "PLACE"}:
        return (s, e, place_label(toks))
    if t in {"EVENT", "ELECTION", "EVE"}:
        return (s, e, "EVENT")
    if t in {"MISC", "NATIONALITY", "NORP", "GPE_ADJ"}:
        return (s, e, "NORP") if looks_like_demonym(toks) else (s, e, "-")
    return None


# ---------------------------------------------------------------- corpora


def gmb(root: Path) -> list[tuple[list[str], list[SpanT]]]:
    """GMB (VOA news), silver tags cleaned: titles stripped from persons, geo split
    into GPE/LOC/FAC, gpe -> NORP unless it is a country name, tim and art outside, nat missing."""
    path = root / "corpora/ner_more/gmb_kaggle/ner_dataset.csv.gz"
    sents: list[tuple[list[str], list[str]]] = []
    with gzip.open(path, "rt", encoding="cp1252") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            if row[0].startswith("Sentence"):
                sents.append(([], []))
            sents[-1][0].append(row[1])
            sents[-1][1].append(row[3])
    sents = sents[:-1]  # last one truncated by the Excel row cap
    out = []
    for words, tags in sents:
        spans: list[SpanT] = []
        for s, e, typ in bio_spans(tags):
            toks = words[s:e]
            if typ == "tim":
                continue
            if typ == "art":
                continue  # artefacts ('Patriot missiles', prizes, products): no Turnstone label, so outside
            if typ == "nat":
                spans.append((s, e, "-"))  # natural phenomena: named storms are EVENT, the rest not
                continue
            if typ == "gpe":
                lab = "GPE" if is_gpe_name(" ".join(toks)) else "NORP"
                spans.append((s, e, lab))
                continue
            if typ == "org" and is_gpe_name(" ".join(toks)):
                spans.append((s, e, "GPE"))  # 'U.S.' in 'U.S. officials'
                continue
            if typ == "per" and looks_like_demonym(toks):
                spans.append((s, e, "NORP"))  # 'Sunni'
                continue
            m = map_generic(words, s, e, typ)
            if m:
                spans.append(m)
            elif typ == "per":
                # a bare title ('President said') was tagged as a person: not a name
                pass
        out.append((words, spans))
    return out


def wikigold(root: Path) -> list[tuple[list[str], list[SpanT]]]:
    path = root / "corpora/ner_more/wikigold/CONLL-format/data/wikigold.conll.txt"
    out = []
    for words, tags in read_columns(path):
        spans = [m for s, e, t in bio_spans(tags) if (m := map_generic(words, s, e, t))]
        out.append((words, spans))
    return out


def crossner(root: Path) -> list[tuple[list[str], list[SpanT]]]:
    base = root / "corpora/ner_more/crossner_politics/ner_data/politics"
    out = []
    for split in ("train.txt", "dev.txt", "test.txt"):
        for words, tags in read_columns(base / split, sep="\t"):
            spans: list[SpanT] = []
            for s, e, t in bio_spans(tags):
                if t == "misc":
                    m = map_generic(words, s, e, "MISC")
                else:
                    m = map_generic(words, s, e, t)
                if m:
                    spans.append(m)
            out.append((words, spans))
    return out


def btc_news(root: Path) -> list[tuple[list[str], list[SpanT]]]:
    """Broad Twitter Corpus section g ('mainstream news' tweets)."""
    out = []
    for words, tags in read_columns(root / "corpora/ner_more/btc/g.conll"):
        spans = [m for s, e, t in bio_spans(tags) if (m := map_generic(words, s, e, t))]
        out.append((words, spans))
    return out


WNUT_MAP = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG"}


def wnut17(root: Path) -> list[tuple[list[str], list[SpanT]]]:
    """WNUT-17 emerging entities (train + dev; web and social text), person/location/corporation/
    group mapped to PERSON/GPE-LOC-FAC/ORG/ORG."""
    out = []
    for name in ("wnut17train.conll", "emerging.dev.conll"):
        for words, tags in read_columns(root / "corpora/wnut17" / name, sep="\t"):
            spans: list[SpanT] = []
            for s, e, t in bio_spans(tags):
                # products and creative works have no Turnstone label: outside
                if t in WNUT_MAP and (m := map_generic(words, s, e, WNUT_MAP[t])):
                    spans.append(m)
            out.append((words, spans))
    return out


RE3D_MAP = {"Person": "PER", "Organisation": "ORG", "Location": "LOC", "Nationality": "MISC"}


def re3d_files(root: Path) -> tuple[list[Path], list[Path]]:
    """Deterministic document split: every 5th document (sorted by id, per source) is test."""
    base = root / "corpora/ner_more/re3d/conll_juand-r/CONLL-format/data-by-source/conll"
    train, test = [], []
    for src in sorted(p for p in base.iterdir() if p.is_dir()):
        for i, f in enumerate(sorted(src.glob("*.conll"))):
            (test if i % 5 == 2 else train).append(f)
    return train, test


def re3d(root: Path, split: str, clean: bool = True) -> list[tuple[list[str], list[SpanT]]]:
    train, test = re3d_files(root)
    out = []
    for f in train if split == "train" else test:
        for words, tags in read_columns(f):
            spans: list[SpanT] = []
            for s, e, t in bio_spans(tags):
                if t not in RE3D_MAP:
                    continue
                if not clean:
                    spans.append((s, e, RE3D_MAP[t]))
                    continue
                if (not any(w[:1].isupper() for w in words[s:e]) or words[s].lower() in PRONOUNS
                        or (t != "Person" and words[e - 1][:1].islower())):
                    # 'rebels', 'We', 'ISIL terrorists', 'the city of Mosul': not names, or a name
                    # inside a description; neither trained on nor scored
                    spans.append((s, e, "-"))
                    continue
                if t == "Location" and "," in words[s:e]:
                    # 'Palmyra, Syria': two names
                    cuts = [s - 1] + [k for k in range(s, e) if words[k] == ","] + [e]
                    for a, b in pairwise(cuts):
                        if b - a > 1 and (m := map_generic(words, a + 1, b, "LOC")):
                            spans.append(m)
                    continue
                m = map_generic(words, s, e, RE3D_MAP[t])
                if t == "Nationality" and m:
                    m = (m[0], m[1], "NORP")
                if m:
                    spans.append(m)
            out.append((words, spans))
    return out


def redocred(root: Path) -> list[tuple[list[str], list[SpanT]]]:
    out = []
    for split in ("dev_revised.json.gz", "test_revised.json.gz"):
        path = root / "corpora/ner_more/redocred/data" / split
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf8") as f:
            docs = json.load(f)
        for doc in docs:
            per_sent: dict[int, list[SpanT]] = {}
            for ent in doc["vertexSet"]:
                for m in ent:
                    s, e = m["pos"]
                    words = doc["sents"][m["sent_id"]]
                    typ = {"NUM": None, "TIME": None}.get(m["type"], m["type"])
                    if typ is None:
                        continue
                    mm = map_generic(words, s, e, typ)
                    if mm:
                        per_sent.setdefault(m["sent_id"], []).append(mm)
            for i, words in enumerate(doc["sents"]):
                out.append((words, per_sent.get(i, [])))
    return out


def uner(root: Path) -> list[tuple[list[str], list[SpanT]]]:
    path = root / "corpora/uner_english_ewt/en_ewt-ud-dev.iob2"
    out = []
    for words, tags in read_columns(path, word_col=1, tag_col=2, sep="\t"):
        out.append((words, [(s, e, t) for s, e, t in bio_spans(tags)]))
    return out


# ---------------------------------------------------------------- main


def write(docs: Iterable[Doc], path: Path) -> int:
    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def weighted(docs: list[Doc], weight: float) -> list[Doc]:
    """``weight`` copies of ``docs``; a fractional part takes that share of the (shuffled) docs."""
    whole = int(weight)
    return docs * whole + docs[:round((weight - whole) * len(docs))]


def parse_weights(text: str) -> dict[str, float]:
    """'gmb=0.5,re3d_train=6' -> {'gmb': 0.5, 're3d_train': 6.0}"""
    out = {}
    for item in filter(None, text.split(",")):
        key, val = item.split("=")
        if key not in UPSAMPLE:
            raise argparse.ArgumentTypeError(f"unknown NER corpus {key!r}; known: {', '.join(UPSAMPLE)}")
        out[key] = float(val)
    return out


def label_counts(docs: list[Doc]) -> Counter[str]:
    return Counter(e.label_ for d in docs for e in d.ents)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--out", default="build/corpus")
    ap.add_argument("--weights", type=parse_weights, default=None,
                    help="override NER corpus weights (UPSAMPLE), e.g. gmb=0.5,re3d_train=6")
    args = ap.parse_args(argv)
    root = shared_root(args.shared)
    out = Path(args.out)
    vocab = spacy.blank("en").vocab
    rng = random.Random(SEED)

    ewt = root / "corpora/ud_english_ewt"
    gum = root / "corpora/gum"
    split = gum_split(gum)
    gum_train_ok = [n for n in split["train"] if n.split("_")[1] in GUM_OK_GENRES]

    def ewt_docs(name: str) -> list[Doc]:
        sents = [s for _, s in read_conllu(ewt / f"en_ewt-ud-{name}.conllu")]
        return [ud_doc(vocab, sents[i:i + 10]) for i in range(0, len(sents), 10)]

    # --- tagger / parser / morphologizer / lemmatizer
    ud_train = ewt_docs("train") + list(gum_docs(vocab, gum / "dep", gum_train_ok, ner=False))
    rng.shuffle(ud_train)
    print("ud_train", write(ud_train, out / "ud_train.spacy"), "docs")
    print("ud_dev", write(ewt_docs("dev"), out / "ud_dev.spacy"))
    print("ud_test", write(ewt_docs("test"), out / "ud_test.spacy"))

    # --- NER training data
    parts = {
        "gmb": gmb(root),
        "wikigold": wikigold(root),
        "crossner": crossner(root),
        "btc_news": btc_news(root),
        "re3d_train": re3d(root, "train"),
        "redocred": redocred(root),
        "wnut17": wnut17(root),
    }
    ner_docs: dict[str, list[Doc]] = {k: list(make_docs(vocab, v)) for k, v in parts.items()}
    ner_docs["gum_train"] = list(gum_docs(vocab, gum / "dep", gum_train_ok, ner=True))
    # hold out a little GMB and WikiGold as NER dev (for early stopping only)
    dev: list[Doc] = []
    for k in ("gmb", "wikigold"):
        docs = ner_docs[k]
        rng.shuffle(docs)
        n = max(10, len(docs) // 25)
        dev.extend(docs[:n])
        ner_docs[k] = docs[n:]
    for k, docs in ner_docs.items():
        print(f"ner {k}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens, {dict(label_counts(docs))}")
        write(docs, out / f"ner_{k}.spacy")
    weights = {**UPSAMPLE, **(args.weights or {})}
    train_all = [d for k, docs in ner_docs.items() for d in weighted(docs, weights[k])]
    rng.shuffle(train_all)
    print("ner_train", write(train_all, out / "ner_train.spacy"))
    print("ner_dev", write(dev, out / "ner_dev.spacy"))

    # --- evaluation sets (never trained on)
    gdev = list(gum_docs(vocab, gum / "dep", split["dev"], ner=True, place_mode="merge"))
    print("eval gum_dev", write(gdev, out / "eval_gum_dev.spacy"), dict(label_counts(gdev)))
    r3 = list(make_docs(vocab, re3d(root, "test", clean=False), per_doc=1))
    print("eval re3d_test", write(r3, out / "eval_re3d_test.spacy"), dict(label_counts(r3)))
    r3c = list(make_docs(vocab, re3d(root, "test", clean=True), per_doc=1))
    write(r3c, out / "eval_re3d_test_clean.spacy")
    un = list(make_docs(vocab, uner(root), per_doc=1))
    print("eval uner_dev", write(un, out / "eval_uner_dev.spacy"), dict(label_counts(un)))
    digest = hashlib.md5(b"".join((out / f).read_bytes() for f in sorted(p.name for p in out.glob("*.spacy")))).hexdigest()
    print("corpus digest", digest)


if __name__ == "__main__":
    main()
