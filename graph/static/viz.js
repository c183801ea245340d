// govkg page: search, filters, legend and details over the pyvis network.
// Every piece of data is written with textContent (never innerHTML), so no text taken
// from a document can run as script.  `network`, `nodes` and `edges` are pyvis's globals.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("govkg-data").textContent);
  var state = window.govkg = {ready: false, settledMs: null, data: data};
  var byName = {};
  var READABLE = 0.8;
  var WEIGHT = {body: 4, agency: 2};   // what a planner looks for first
  var panel = {
    details: document.getElementById("govkg-details"),
    search: document.getElementById("govkg-search"),
    names: document.getElementById("govkg-names"),
    doc: document.getElementById("govkg-document"),
    body: document.getElementById("govkg-body"),
    kinds: Array.prototype.slice.call(document.querySelectorAll("#govkg-legend input"))
  };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function option(select, value, text) {
    var o = el("option", text);
    o.value = value;
    select.appendChild(o);
  }
  function kindName(kind) {
    var k = data.kinds[kind];
    return k ? k[1] + " " + kind : kind;
  }
  function relationName(edge) {
    var zh = data.relations[edge.relation] || edge.relation;
    return edge.role ? edge.role + " · " + zh + " (" + edge.relation + ")" : zh + " (" + edge.relation + ")";
  }

  // ------------------------------------------------------------------ details
  function field(parent, name, value) {
    if (value === undefined || value === null || value === "") return;
    var row = el("div", null, "field");
    row.appendChild(el("span", name, "key"));
    row.appendChild(el("span", value, "value"));
    parent.appendChild(row);
  }
  function quote(parent, item) {
    if (item.q !== undefined) parent.appendChild(el("blockquote", data.quotes[item.q], "quote"));
    var source = [];
    if (item.d !== undefined) source.push(data.documents[item.d]);
    if (item.page) source.push("第" + item.page + "页");
    if (item.date) source.push(item.date);
    if (source.length) parent.appendChild(el("div", "— " + source.join(" · "), "source"));
  }
  function showNode(id) {
    var n = nodes.get(id);
    var box = panel.details;
    box.textContent = "";
    box.appendChild(el("h2", n.name));
    box.appendChild(el("div", kindName(n.kind), "kind kind-" + n.kind));
    field(box, "type", n.type);
    field(box, "text", n.text);
    field(box, "date", n.date);
    field(box, "IRI", n.iri);
    quote(box, n);
    var ids = network.getConnectedEdges(id);
    box.appendChild(el("h3", "Statements 关系 (" + ids.length + ")"));
    ids.slice(0, 200).forEach(function (eid) {
      var e = edges.get(eid);
      var out = e.from === id;
      var other = nodes.get(out ? e.to : e.from);
      var item = el("div", null, "statement");
      item.appendChild(el("div", (out ? "→ " : "← ") + relationName(e) + " " + other.name, "what"));
      quote(item, e);
      box.appendChild(item);
    });
    if (ids.length > 200) box.appendChild(el("p", "… " + (ids.length - 200) + " more", "hint"));
  }
  function showEdge(id) {
    var e = edges.get(id);
    var box = panel.details;
    box.textContent = "";
    box.appendChild(el("h2", relationName(e)));
    field(box, "from", nodes.get(e.from).name);
    field(box, "to", nodes.get(e.to).name);
    quote(box, e);
  }

  // ------------------------------------------------------------------ filters
  function neighbours(id) {
    return network.getConnectedNodes(id);
  }
  function visibleNodes() {
    var kinds = {};
    panel.kinds.forEach(function (c) { if (c.checked) kinds[c.value] = true; });
    var keep = null;
    if (panel.doc.value !== "") {
      var d = Number(panel.doc.value);
      keep = {};
      edges.forEach(function (e) { if (e.d === d) { keep[e.from] = true; keep[e.to] = true; } });
      nodes.forEach(function (n) { if (n.kind === "document" && n.name === data.documents[d]) keep[n.id] = true; });
    }
    if (panel.body.value !== "") {
      var b = Number(panel.body.value), near = {};
      near[b] = true;
      neighbours(b).forEach(function (m) {
        near[m] = true;
        var kind = nodes.get(m).kind;
        if (kind === "duty" || kind === "post") neighbours(m).forEach(function (x) { near[x] = true; });
      });
      keep = keep === null ? near : intersect(keep, near);
    }
    var out = {};
    nodes.forEach(function (n) { if (kinds[n.kind] && (keep === null || keep[n.id])) out[n.id] = true; });
    return out;
  }
  function intersect(a, b) {
    var out = {};
    Object.keys(a).forEach(function (k) { if (b[k]) out[k] = true; });
    return out;
  }
  function applyFilters() {
    var show = visibleNodes(), d = panel.doc.value === "" ? null : Number(panel.doc.value);
    nodes.update(nodes.map(function (n) { return {id: n.id, hidden: !show[n.id]}; }));
    edges.update(edges.map(function (e) {
      return {id: e.id, hidden: !(show[e.from] && show[e.to] && (d === null || e.d === d))};
    }));
    var ids = Object.keys(show).map(Number);
    if (ids.length) network.fit({nodes: ids, animation: false});
    document.getElementById("govkg-counts").textContent =
      ids.length + " of " + nodes.length + " nodes shown";
    var perKind = {};                   // the legend counts what is shown
    ids.forEach(function (id) { var k = nodes.get(id).kind; perKind[k] = (perKind[k] || 0) + 1; });
    panel.kinds.forEach(function (c) {
      var count = c.parentNode.querySelector(".n");
      if (count) count.textContent = String(perKind[c.value] || 0);
    });
  }
  function reset() {
    panel.doc.value = "";
    panel.body.value = "";
    panel.kinds.forEach(function (c) { c.checked = true; });
    applyFilters();
  }

  // ------------------------------------------------------------------ search
  function find(text) {
    text = text.trim();
    if (!text) return null;
    if (byName.hasOwnProperty(text)) return byName[text];
    var hit = null;
    nodes.forEach(function (n) { if (hit === null && n.name.indexOf(text) >= 0) hit = n.id; });
    return hit;
  }
  function go() {
    var id = find(panel.search.value);
    if (id === null) {
      panel.details.textContent = "";
      panel.details.appendChild(el("p", "No node named " + panel.search.value, "hint"));
      return;
    }
    if (nodes.get(id).hidden) reset();
    network.selectNodes([id]);
    network.focus(id, {scale: 1.2, animation: false});
    showNode(id);
  }

  // ------------------------------------------------------------------ set up
  var names = [];
  nodes.forEach(function (n) {
    if (!byName.hasOwnProperty(n.name)) { byName[n.name] = n.id; names.push(n.name); }
    if (n.kind === "body") option(panel.body, n.id, n.name);
  });
  names.sort().forEach(function (name) { option(panel.names, name, undefined); });
  data.documents.map(function (t, i) { return [t, i]; }).sort().forEach(function (p) {
    option(panel.doc, p[1], p[0]);
  });
  panel.search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });
  document.getElementById("govkg-find").addEventListener("click", go);
  document.getElementById("govkg-reset").addEventListener("click", reset);
  [panel.doc, panel.body].concat(panel.kinds).forEach(function (c) {
    c.addEventListener("change", applyFilters);
  });
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // A graph too big to read when fitted opens on its --focus node, else its busiest node
  // (bodies and units first), at a scale where labels can be read; "Show all" fits everything.
  function readableView() {
    if (network.getScale() >= READABLE) return;
    var best = null, most = -1;
    nodes.forEach(function (n) {
      var d = n.focus ? Infinity : network.getConnectedEdges(n.id).length * (WEIGHT[n.kind] || 1);
      if (d > most) { most = d; best = n.id; }
    });
    if (best !== null) network.focus(best, {scale: READABLE, animation: false});
  }
  function settled() {
    if (state.ready) return;
    network.setOptions({physics: false});
    state.ready = true;
    state.settledMs = Math.round(performance.now());
    document.body.setAttribute("data-settled", String(state.settledMs));
  }
  function drawThenSettle() {
    if (state.ready) return;
    network.setOptions({physics: false});
    network.fit({animation: false});
    readableView();
    network.once("afterDrawing", settled);
    network.redraw();
  }
  if (data.physics) {
    network.once("stabilizationIterationsDone", drawThenSettle);
    network.stabilize(data.stabilization);
    setTimeout(drawThenSettle, 4000);    // never leave physics running
  } else {
    drawThenSettle();
  }
})();
