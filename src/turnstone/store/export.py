"""Event query results as tables: flat CSV / JSON Lines / Parquet, and GDELT 2.0 style tables.

GDELT mapping: one GDELT event per Turnstone event *cluster* (the same real-world event reported
by several articles), so ``NumMentions``/``NumArticles``/``NumSources`` count its reports; the
mentions table has one row per report with character offsets. Deviations from GDELT, kept
deliberately: country codes are ISO 3166-1 alpha-3 (GDELT geo fields use FIPS 10-4), actor codes
are country + CAMEO sector (``USAGOV``), ``AvgTone`` and the ADM codes are empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from typing import Any

FLAT_COLUMNS = (
    "article_id", "event_id", "cluster_id", "event", "mode", "cameo", "goldstein", "plover_score", "confidence",
    "date", "published", "actor_names", "actor_countries", "actor_sectors", "recipient_names",
    "recipient_countries", "recipient_sectors", "place", "place_country", "lat", "lon", "negated", "hypothetical",
    "future", "historical", "evidence_start", "evidence_end", "evidence_text", "quote", "source", "url", "title",
)

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                 "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS), *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS), *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS), "DATEADDED", "SOURCEURL",
)
GDELT_MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
# QuadClass by PLOVER type, for events without a CAMEO code (1 verbal coop … 4 material conflict).
_QUAD_BY_TYPE = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "REQUEST": 1, "CONCEDE": 2, "COOPERATE": 2, "AID": 2,
                 "RETREAT": 2, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "PROTEST": 3, "SANCTION": 4,
                 "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}


def flat_record(ev: dict[str, Any]) -> dict[str, Any]:
    """One event row (from ``Store.events``) as flat columns."""
    def joined(people: list[dict[str, Any]], key: str) -> str:
        return "; ".join(str(p.get(key) or "") for p in people)

    return {
        "article_id": ev["article_id"], "event_id": ev["id"], "cluster_id": ev.get("cluster_id"),
        "event": ev["event"], "mode": ev.get("mode"), "cameo": ev.get("cameo"), "goldstein": ev.get("goldstein"),
        "plover_score": ev.get("plover_score"), "confidence": ev.get("confidence"), "date": ev.get("date"),
        "published": ev.get("published"),
        "actor_names": joined(ev["actors"], "name"), "actor_countries": joined(ev["actors"], "country"),
        "actor_sectors": joined(ev["actors"], "sector"), "recipient_names": joined(ev["recipients"], "name"),
        "recipient_countries": joined(ev["recipients"], "country"),
        "recipient_sectors": joined(ev["recipients"], "sector"),
        "place": ev.get("place"), "place_country": ev.get("place_country"), "lat": ev.get("lat"),
        "lon": ev.get("lon"), "negated": ev.get("negated"), "hypothetical": ev.get("hypothetical"),
        "future": ev.get("future"), "historical": ev.get("historical"),
        "evidence_start": ev["evidence"]["start"], "evidence_end": ev["evidence"]["end"],
        "evidence_text": ev["evidence"]["text"], "quote": ev.get("quote"), "source": ev.get("source"),
        "url": ev.get("url"), "title": ev.get("title"),
    }


def to_csv(events: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for ev in events:
        writer.writerow(flat_record(ev))
    return out.getvalue()


def to_jsonl(events: list[dict[str, Any]]) -> str:
    """Full event rows (nested actors, evidence), one JSON object per line."""
    return "".join(json.dumps(ev, ensure_ascii=False) + "\n" for ev in events)


def to_parquet(events: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {name: [flat_record(ev)[name] for ev in events] for name in FLAT_COLUMNS}
    types = {"goldstein": pa.float64(), "plover_score": pa.float64(), "confidence": pa.float64(),
             "lat": pa.float64(), "lon": pa.float64(), "cluster_id": pa.int64(), "evidence_start": pa.int64(),
             "evidence_end": pa.int64(), "negated": pa.bool_(), "hypothetical": pa.bool_(), "future": pa.bool_(),
             "historical": pa.bool_()}
    schema = pa.schema([(name, types.get(name, pa.string())) for name in FLAT_COLUMNS])
    table = pa.table(columns, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def _day(ev: dict[str, Any]) -> dt.date | None:
    for value in (ev.get("date"), ev.get("published")):
        if value:
            try:
                text = str(value)
                text = text + "-01" * ((10 - len(text)) // 3)  # 2025 → 2025-01-01, 2025-02 → 2025-02-01
                return dt.date.fromisoformat(text[:10])
            except ValueError:
                continue
    return None


def _actor(people: list[dict[str, Any]]) -> list[str]:
    if not people:
        return [""] * len(_ACTOR_FIELDS)
    first = people[0]
    country = (first.get("country") or "").upper()
    sector = (first.get("sector") or "").upper()
    return [country + sector, (first.get("name") or "").upper(), country, "", "", "", "", sector, "", ""]


def _geo(ev: dict[str, Any]) -> list[str]:
    if ev.get("lat") is None or ev.get("lon") is None:
        return [""] * len(_GEO_FIELDS) if not ev.get("place") else ["", ev["place"], "", "", "", "", "", ""]
    country = ev.get("place_country") or ""
    # GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    geotype = "1" if country and ev.get("place") and _is_country_place(ev) else ("3" if country == "USA" else "4")
    return [geotype, ev.get("place") or "", country, "", "", f"{ev['lat']:.4f}", f"{ev['lon']:.4f}",
            str(ev.get("geonames_id") or "")]


def _is_country_place(ev: dict[str, Any]) -> bool:
    import pycountry

    try:
        return pycountry.countries.lookup(ev.get("place") or "").alpha_3 == ev.get("place_country")
    except LookupError:
        return False


def _quad(ev: dict[str, Any]) -> int:
    cameo = (ev.get("cameo") or "")[:2]
    if cameo.isdigit():
        root = int(cameo)
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    return _QUAD_BY_TYPE.get(ev["event"], 0)


def gdelt_events(events: list[dict[str, Any]]) -> list[list[str]]:
    """GDELT 2.0 event rows, one per cluster among ``events`` (reports without a cluster stand alone)."""
    groups: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for ev in events:
        groups[ev.get("cluster_id") or f"{ev['article_id']}/{ev['id']}"].append(ev)
    rows = []
    for key, reports in groups.items():
        reports.sort(key=lambda e: (e.get("stored_at") or "", e["article_id"], e["id"]))
        root = reports[0]
        day = _day(root)
        cameo = root.get("cameo") or ""
        added = (root.get("stored_at") or "").replace("-", "").replace(":", "").replace("T", "")[:14]
        event_id = str(key) if isinstance(key, int) else ""
        row = [event_id,
               day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
               str(day.year) if day else "",
               f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
               *_actor(root["actors"]), *_actor(root["recipients"]),
               # GDELT marks events read from the lead paragraph; the first 500 characters stand for it.
               "1" if root["evidence"]["start"] < 500 else "0",
               cameo, cameo[:3], cameo[:2], str(_quad(root)),
               "" if root.get("goldstein") is None else f"{root['goldstein']:.1f}",
               str(len(reports)), str(len({r.get("source") or r["article_id"] for r in reports})),
               str(len({r["article_id"] for r in reports})), "",
               *([""] * len(_GEO_FIELDS)), *([""] * len(_GEO_FIELDS)), *_geo(root),
               added, root.get("url") or ""]
        assert len(row) == len(GDELT_EVENT_COLUMNS)
        rows.append(row)
    return rows


def gdelt_mentions(events: list[dict[str, Any]]) -> list[list[str]]:
    """GDELT 2.0 mention rows, one per event report."""
    rows = []
    for ev in events:
        day = _day(ev)
        added = (ev.get("stored_at") or "").replace("-", "").replace(":", "").replace("T", "")[:14]
        start = ev["evidence"]["start"]
        row = [str(ev.get("cluster_id") or ""), day.strftime("%Y%m%d000000") if day else "", added,
               "1" if ev.get("url") else "6", ev.get("source") or "", ev.get("url") or ev["article_id"],
               "", str(start), str(start), str(start), "1", str(round(100 * float(ev.get("confidence") or 0))),
               "", "", "", json.dumps({"article_id": ev["article_id"], "event_id": ev["id"],
                                       "event": ev["event"]}, ensure_ascii=False)]
        rows.append(row)
    return rows


def to_tsv(header: tuple[str, ...], rows: list[list[str]], with_header: bool = True) -> str:
    """Tab-separated like GDELT's files (tabs/newlines inside values become spaces)."""
    def clean(value: str) -> str:
        return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")

    lines = ["\t".join(header)] if with_header else []
    lines += ["\t".join(clean(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"
