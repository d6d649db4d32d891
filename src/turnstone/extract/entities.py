"""Entities: group the named-entity mentions of an article into entities.

First version: mentions with the same text, or a surname of an earlier full name, are one
entity. Actor coding (country, sector, title) comes from the actors stage.
"""

from __future__ import annotations

from ..model import Article, Entity, Mention
from ..pipeline import stage

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


def group_mentions(article: Article) -> list[Entity]:
    entities: list[Entity] = []
    by_key: dict[tuple[str, str], Entity] = {}
    for ent in article.doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        name = ent.text
        mention = Mention(start=ent.start_char, end=ent.end_char, text=ent.text)
        key = (ent.label_, name.lower())
        entity = by_key.get(key)
        if entity is None and ent.label_ == "PERSON" and " " not in name:
            entity = next((e for e in entities if e.type == "PERSON" and e.name.split()[-1] == name), None)
        if entity is None:
            entity = Entity(id=f"e{len(entities) + 1}", name=name, type=ent.label_)
            entities.append(entity)
        by_key[key] = entity
        entity.mentions.append(mention)
    return entities


@stage("entities", requires=("doc",), assigns=("entities",))
def extract_entities(article: Article) -> Article:
    article.entities = group_mentions(article)
    return article
