// SVG charts for the event dashboard: timeline, actor network, map. Labels go in with
// textContent only; no data is ever parsed as markup.
(function () {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";
  const QUAD = { AGREE: 1, CONSULT: 1, SUPPORT: 1, REQUEST: 1, CONCEDE: 2, COOPERATE: 2, AID: 2, RETREAT: 2,
                 ACCUSE: 3, REJECT: 3, THREATEN: 3, PROTEST: 3, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4 };
  const QUAD_COLOUR = { 1: "#7fc79a", 2: "#2e8b57", 3: "#e79a8f", 4: "#c0392b" };

  function el(name, attrs, parent, text) {
    const node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function clear(svg) { while (svg.firstChild) svg.removeChild(svg.firstChild); }
  function empty(svg, w, h, message) { el("text", { x: w / 2, y: h / 2, "text-anchor": "middle", fill: "#889" }, svg, message); }

  // Score in [-10, 10] (Goldstein) to a colour from red (conflict) through grey to green.
  function scoreColour(score) {
    const t = Math.max(-1, Math.min(1, (score || 0) / 7));
    const grey = [150, 150, 160], green = [46, 139, 87], red = [192, 57, 43];
    const to = t >= 0 ? green : red, a = Math.abs(t);
    const c = grey.map(function (g, i) { return Math.round(g + (to[i] - g) * a); });
    return "rgb(" + c.join(",") + ")";
  }

  // Many days are summed into months, so that a long period stays readable.
  function byMonth(days) {
    const months = {};
    days.forEach(function (d) {
      const key = d.date.slice(0, 7);
      months[key] = months[key] || {};
      Object.keys(d.counts).forEach(function (t) { months[key][t] = (months[key][t] || 0) + d.counts[t]; });
    });
    return Object.keys(months).sort().map(function (k) { return { date: k, counts: months[k] }; });
  }

  function timeline(svg, days) {
    clear(svg);
    const W = 600, H = 160, pad = 24;
    if (!days.length) return empty(svg, W, H, "no dated events");
    if (days.length > 60) days = byMonth(days);
    const totals = days.map(function (d) { return Object.values(d.counts).reduce(function (a, b) { return a + b; }, 0); });
    const max = Math.max.apply(null, totals);
    const bw = Math.max(2, Math.min(40, (W - 2 * pad) / days.length - 2));
    days.forEach(function (d, i) {
      const x = pad + i * ((W - 2 * pad) / days.length);  // one slot per day (or month) with events
      let y = H - pad;
      Object.keys(d.counts).sort().forEach(function (type) {
        const h = (d.counts[type] / max) * (H - 2 * pad);
        y -= h;
        const r = el("rect", { x: x, y: y, width: bw, height: h, fill: QUAD_COLOUR[QUAD[type]] || "#999", class: "bar" }, svg);
        el("title", {}, r, d.date + " " + type + ": " + d.counts[type]);
      });
    });
    // Label every bar when there are few, else the first and the last.
    const step = (W - 2 * pad) / days.length;
    const labelled = days.length <= 8 ? days.map(function (_, i) { return i; }) : [0, days.length - 1];
    labelled.forEach(function (i) {
      el("text", { x: pad + i * step + bw / 2, y: H - 8, "font-size": 10, fill: "#667", "text-anchor": "middle",
                   class: "tick" }, svg, days[i].date);
    });
    el("text", { x: pad, y: 14, "font-size": 11, fill: "#667" }, svg, "max " + max + " / day");
  }

  function network(svg, net) {
    clear(svg);
    const W = 600, H = 360;
    const nodes = net.nodes.slice(0, 40);
    if (!nodes.length) return empty(svg, W, H, "no actor–recipient pairs");
    const keep = {};
    nodes.forEach(function (n, i) {
      const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      keep[n.id] = { x: W / 2 + Math.cos(a) * (W / 2 - 110), y: H / 2 + Math.sin(a) * (H / 2 - 40), n: n, scores: [] };
    });
    const maxCount = Math.max.apply(null, net.links.map(function (l) { return l.count; }).concat([1]));
    net.links.forEach(function (l) {
      const a = keep[l.source], b = keep[l.target];
      if (!a || !b) return;
      a.scores.push(l.score); b.scores.push(l.score);
      const line = el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: scoreColour(l.score),
                                "stroke-width": 1.5 + 4 * (l.count / maxCount), "stroke-opacity": 0.8, class: "link" }, svg);
      el("title", {}, line, l.source + " → " + l.target + ": " + l.count + " events, mean score " + l.score);
    });
    Object.keys(keep).forEach(function (id) {
      const k = keep[id];
      const mean = k.scores.length ? k.scores.reduce(function (s, v) { return s + v; }, 0) / k.scores.length : 0;
      const c = el("circle", { cx: k.x, cy: k.y, r: 5 + Math.min(12, Math.sqrt(k.n.count) * 2), fill: scoreColour(mean),
                               stroke: "#333", class: "node" }, svg);
      el("title", {}, c, id + ": " + k.n.count + " links");
      const right = k.x >= W / 2;
      el("text", { x: k.x + (right ? 12 : -12), y: k.y + 4, "font-size": 11, "text-anchor": right ? "start" : "end" }, svg, id);
    });
  }

  function project(lon, lat) { return [(lon + 180) * 2, (90 - lat) * 2]; }
  function path(points) {
    return points.map(function (p, i) { const xy = project(p[0], p[1]); return (i ? "L" : "M") + xy[0].toFixed(1) + "," + xy[1].toFixed(1); }).join("") + "Z";
  }

  function map(svg, places) {
    clear(svg);
    el("rect", { x: 0, y: 0, width: 720, height: 360, fill: "#eef4fa" }, svg);
    for (let lon = -180; lon <= 180; lon += 30) el("line", { x1: (lon + 180) * 2, y1: 0, x2: (lon + 180) * 2, y2: 360, stroke: "#d5e1ee", "stroke-width": 0.6 }, svg);
    for (let lat = -60; lat <= 60; lat += 30) el("line", { x1: 0, y1: (90 - lat) * 2, x2: 720, y2: (90 - lat) * 2, stroke: "#d5e1ee", "stroke-width": 0.6 }, svg);
    const world = window.TURNSTONE_WORLD || { LAND: [], WATER: [] };
    world.LAND.forEach(function (p) { el("path", { d: path(p), fill: "#dcd6c8", stroke: "#b8b0a0", "stroke-width": 0.6 }, svg); });
    world.WATER.forEach(function (p) { el("path", { d: path(p), fill: "#eef4fa", stroke: "#b8b0a0", "stroke-width": 0.4 }, svg); });
    if (!places.length) { el("text", { x: 360, y: 340, "text-anchor": "middle", fill: "#778" }, svg, "no events with a located place"); return; }
    const max = Math.max.apply(null, places.map(function (p) { return p.count; }));
    places.forEach(function (p) {
      const xy = project(p.lon, p.lat);
      const dot = el("circle", { cx: xy[0], cy: xy[1], r: 3 + 9 * Math.sqrt(p.count / max), fill: "#c0392b", "fill-opacity": 0.65,
                                 stroke: "#7a1f14", class: "place" }, svg);
      const types = Object.keys(p.types).map(function (t) { return t + " " + p.types[t]; }).join(", ");
      el("title", {}, dot, (p.name || "?") + ": " + p.count + " events (" + types + ")");
    });
  }

  window.TurnstoneCharts = { timeline: timeline, network: network, map: map, scoreColour: scoreColour };
})();
