// The event dashboard: reads the filters from the URL, fetches /api/events (one page) and
// /api/events/summary (charts), and fills the table with textContent only.
(function () {
  "use strict";
  const params = new URLSearchParams(window.location.search);
  const PAGE = 50;
  let offset = parseInt(params.get("offset") || "0", 10) || 0;
  const filterKeys = ["event", "actor", "recipient", "country", "date_from", "date_to", "place"];
  const filters = new URLSearchParams();
  filterKeys.forEach(function (k) { const v = params.get(k); if (v) filters.set(k, v); });

  document.querySelectorAll("a.export").forEach(function (a) {
    const q = filters.toString();
    a.href = a.dataset.path + (q ? "?" + q : "");
  });

  function showError(body) {
    const box = document.getElementById("error");
    box.hidden = false;
    box.textContent = (body && body.error) ? body.error.message : "the request failed";
  }

  function cell(row, text, cls) {
    const td = document.createElement("td");
    if (cls) td.className = cls;
    td.textContent = text == null ? "" : String(text);
    row.appendChild(td);
    return td;
  }
  function names(people) {
    return people.map(function (p) { return p.name + (p.country ? " (" + p.country + (p.sector ? " " + p.sector : "") + ")" : ""); }).join("; ");
  }

  function fillTable(data) {
    const body = document.querySelector("#events tbody");
    body.textContent = "";
    document.getElementById("total").textContent = String(data.total);
    if (!data.items.length) {
      const tr = document.createElement("tr");
      cell(tr, "No events match.").colSpan = 9;
      body.appendChild(tr);
    }
    data.items.forEach(function (ev) {
      const tr = document.createElement("tr");
      tr.className = "event-row";
      tr.dataset.event = ev.event;
      cell(tr, ev.date || ev.published);
      const type = cell(tr, ev.event + (ev.mode ? " · " + ev.mode : ""));
      if (ev.negated) type.appendChild(Object.assign(document.createElement("small"), { className: "flag", textContent: " negated" }));
      cell(tr, names(ev.actors));
      cell(tr, names(ev.recipients));
      cell(tr, ev.place);
      cell(tr, ev.cameo);
      const score = cell(tr, ev.goldstein);
      score.style.color = window.TurnstoneCharts.scoreColour(ev.goldstein);
      cell(tr, ev.evidence.text, "evidence");
      const link = document.createElement("a");
      link.href = "/articles/" + encodeURIComponent(ev.article_id) + "#" + encodeURIComponent(ev.id);
      link.textContent = ev.title || ev.article_id.slice(0, 12);
      cell(tr, "").appendChild(link);
      body.appendChild(tr);
    });
    document.getElementById("page").textContent = data.total ? (offset + 1) + "–" + Math.min(offset + PAGE, data.total) + " of " + data.total : "";
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = offset + PAGE >= data.total;
  }

  function load() {
    const q = new URLSearchParams(filters);
    q.set("limit", String(PAGE));
    q.set("offset", String(offset));
    fetch("/api/events?" + q.toString()).then(function (r) {
      return r.json().then(function (body) { if (!r.ok) throw body; return body; });
    }).then(fillTable).catch(showError);
  }

  function loadCharts() {
    fetch("/api/events/summary?" + filters.toString()).then(function (r) {
      return r.json().then(function (body) { if (!r.ok) throw body; return body; });
    }).then(function (s) {
      window.TurnstoneCharts.timeline(document.getElementById("timeline"), s.timeline);
      window.TurnstoneCharts.network(document.getElementById("network"), s.network);
      window.TurnstoneCharts.map(document.getElementById("map"), s.places);
      document.body.dataset.chartsReady = "1";
    }).catch(showError);
  }

  document.getElementById("prev").addEventListener("click", function () { offset = Math.max(0, offset - PAGE); load(); });
  document.getElementById("next").addEventListener("click", function () { offset += PAGE; load(); });
  // Empty filter fields are dropped from the URL.
  document.getElementById("filters").addEventListener("submit", function (ev) {
    ev.preventDefault();
    const q = new URLSearchParams();
    new FormData(ev.target).forEach(function (v, k) { if (String(v).trim()) q.set(k, String(v).trim()); });
    window.location.search = q.toString();
  });
  load();
  loadCharts();
})();
