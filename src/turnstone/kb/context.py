"""Settle country names that news uses for two countries, from the rest of the article.

"Congo" and "Congolese" name both the Democratic Republic of the Congo (Kinshasa) and the
Republic of the Congo (Brazzaville); "Korea" and "Korean" name both Koreas; "Guinea" and
"Guinean" may be a shorthand for Guinea-Bissau or Equatorial Guinea. The knowledge base gives
each word one default; an article about Goma and Tshisekedi means the other country. Only a
bare, ambiguous word is re-coded: "Democratic Republic of the Congo", "North Korea" and
"Guinea-Bissau" already say which country they mean.
"""

from __future__ import annotations

import re
from functools import lru_cache

# word in the mention -> the countries it may mean, each with the words that point to it
# (capital and large cities, regions, leaders of 2024-2025, the longer names).
_CONFUSABLE: dict[str, dict[str, tuple[str, ...]]] = {
    "congo": {
        "COD": ("Kinshasa", "Goma", "Bukavu", "Kivu", "Ituri", "Lubumbashi", "Kisangani", "Uvira", "Rutshuru",
                "Tshisekedi", "Suminwa", "Kabila", "M23", "FARDC", "MONUSCO", "DRC", "DR Congo", "D.R. Congo",
                "Democratic Republic", "Congo-Kinshasa", "Katanga", "Kasai", "Beni", "Butembo", "Bunia"),
        "COG": ("Brazzaville", "Sassou", "Pointe-Noire", "Congo-Brazzaville", "Congo Republic"),
    },
    "korea": {
        "PRK": ("Pyongyang", "Kim Jong Un", "Kim Jong-un", "Kim Yo Jong", "KCNA", "DPRK", "North Korea"),
        "KOR": ("Seoul", "Yoon Suk Yeol", "Lee Jae-myung", "Han Duck-soo", "Yonhap", "South Korea", "Busan"),
    },
    "guinea": {
        "GIN": ("Conakry", "Doumbouya"),
        "GNB": ("Bissau", "Embaló", "Embalo"),
        "GNQ": ("Malabo", "Obiang", "Equatorial"),
    },
}
# Words that already pick one country; a mention holding one of them is left as coded.
_SETTLED = re.compile(r"\b(Democratic|DR|D\.R\.|Republic|Brazzaville|Kinshasa|North|South|Bissau|Equatorial|"
                      r"Papua)\b|-(Kinshasa|Brazzaville|Bissau)")


@lru_cache(maxsize=256)
def _counts(text: str, word: str) -> dict[str, int]:
    return {code: sum(len(re.findall(r"(?<![\w-])" + re.escape(cue) + r"(?![\w-])", text)) for cue in cues)
            for code, cues in _CONFUSABLE[word].items()}


def settle_country(code: str | None, mention: str, text: str) -> str | None:
    """The country an ambiguous ``mention`` ("Congo", "Congolese army") means in ``text``.

    ``code`` (the knowledge base's default) is kept unless the mention is a bare ambiguous word
    and the article points more often to another of the countries it may mean.
    """
    if code is None or _SETTLED.search(mention):
        return code
    lowered = mention.lower()
    for word, options in _CONFUSABLE.items():
        if word not in lowered or code not in options:
            continue
        counts = _counts(text, word)
        best = max(counts, key=lambda c: counts[c])
        if counts[best] > counts[code]:
            return best
    return code
