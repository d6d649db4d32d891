"""Sentence-boundary training data with the web's missing punctuation made more frequent.

Most boundaries the parser misses on EWT follow a word, not a full stop ('... gone down hill ||
I 'm really surprised'; 'Too Expensive || The food'). In the UD training documents such
boundaries are rare, so a senter learns 'full stop = boundary' and little else. This writes, beside
each UD training document, a copy in which some sentences lose their final . ! or ? and some
start in lower case; only words, spaces and sentence starts are kept (all a senter learns from).

Usage: python -m training.senter_data [--train build/corpus/ud_train.spacy]
                                      [--out build/corpus/senter_train.spacy]
                                      [--drop 0.3] [--lower 0.1] [--newline 0.0]
                                      [--news build/corpus/ner_gmb.spacy --news-docs 1000]

``--news`` adds that many documents of edited news (GMB/VOA, as converted for the NER) as they
are: dropped full stops alone taught the senter to split names ('Khan || Younis') and before
closing quotes.
"""

from __future__ import annotations

import argparse
import random

import spacy
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

SEED = 0
FINAL_PUNCT = {".", "!", "?"}


def augment(doc: Doc, rng: random.Random, drop: float, lower: float, newline: float = 0.0) -> Doc:
    """A copy of ``doc`` (words, spaces, sentence starts) in which each sentence loses its final
    . ! ? with probability ``drop``, has its first word lower-cased with probability ``lower`` and
    ends in a line break token with probability ``newline`` (as spaCy's tokenizer leaves a
    paragraph break of raw news: a token of its own, at the end of the sentence before).
    A sentence that is only punctuation is kept whole."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    for sent in doc.sents:
        toks = list(sent)
        if len(toks) > 1 and toks[-1].text in FINAL_PUNCT and rng.random() < drop:
            toks = toks[:-1]
        for k, tok in enumerate(toks):
            text = tok.text
            if k == 0 and text[:1].isupper() and text[1:2].islower() and rng.random() < lower:
                text = text[0].lower() + text[1:]
            words.append(text)
            # the last kept word of a sentence is followed by a space, as the next sentence's start is
            spaces.append(bool(tok.whitespace_) or k == len(toks) - 1)
            starts.append(k == 0)
        if newline and rng.random() < newline:  # no draw at 0: same data as before the option
            spaces[-1] = False
            words.append("\n")
            spaces.append(False)
            starts.append(False)
    if spaces:
        spaces[-1] = bool(doc[-1].whitespace_)
    return Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)


def starts_only(doc: Doc) -> Doc:
    """A copy of ``doc`` with its words, spaces and sentence starts only."""
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               sent_starts=[bool(t.is_sent_start) for t in doc])


def sentence_docs(docs: list[Doc], rng: random.Random, drop: float, lower: float,
                  newline: float = 0.0) -> list[Doc]:
    """The original documents (sentence starts only) followed by one augmented copy of each."""
    return [starts_only(d) for d in docs] + [augment(d, rng, drop, lower, newline) for d in docs]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", default="build/corpus/ud_train.spacy")
    ap.add_argument("--out", default="build/corpus/senter_train.spacy")
    ap.add_argument("--drop", type=float, default=0.3, help="share of sentences losing their final . ! ?")
    ap.add_argument("--lower", type=float, default=0.1, help="share of sentences starting in lower case")
    ap.add_argument("--newline", type=float, default=0.0, help="share of sentences ending in a line break")
    ap.add_argument("--news", default=None, help="a DocBin of news documents with sentence starts to add")
    ap.add_argument("--news-docs", type=int, default=1000, help="how many of them (10 sentences each)")
    args = ap.parse_args(argv)
    vocab: Vocab = spacy.blank("en").vocab
    docs = list(DocBin().from_disk(args.train).get_docs(vocab))
    rng = random.Random(SEED)
    out = sentence_docs(docs, rng, args.drop, args.lower, args.newline)
    if args.news:
        news = list(DocBin().from_disk(args.news).get_docs(vocab))
        picked = rng.sample(news, min(args.news_docs, len(news)))
        out += [starts_only(d) for d in picked]
        rng.shuffle(out)
    DocBin(attrs=["ORTH", "SENT_START"], docs=out).to_disk(args.out)
    print(f"wrote {args.out}: {len(out)} docs, {sum(len(d) for d in out)} tokens")


if __name__ == "__main__":
    main()
