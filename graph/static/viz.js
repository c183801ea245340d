// govkg page: the network, search, filters, legend and details.
// Every piece of data is written with textContent (never innerHTML), so no text taken
// from a document can run as script.  `network`, `nodes` and `edges` are globals (the
// vis DataSets hold what is drawn: a big graph opens on its bodies and their members and
// the rest is added on demand, around a node clicked or found, or all on "Show all").
var network, nodes, edges;
(function () {
  "use strict";
  var marks = {start: performance.now()};    // when each stage ended (ms), for the benchmark
  var data = JSON.parse(document.getElementById("govkg-data").textContent);
  marks.parsed = performance.now();
  var state = window.govkg = {ready: false, settledMs: null, data: data, labelsShown: 0, marks: marks};
  var all = data.nodes, allEdges = data.edges;
  var byName = {};
  var READABLE = 0.8;
  var WEIGHT = {body: 4, agency: 2, document: 2};   // what a planner looks for first
  var panel = {
    details: document.getElementById("govkg-details"),
    search: document.getElementById("govkg-search"),
    names: document.getElementById("govkg-names"),
    doc: document.getElementById("govkg-document"),
    body: document.getElementById("govkg-body"),
    counts: document.getElementById("govkg-counts"),
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
    var zh = (data.relations[edge.relation] || [edge.relation])[0];
    return edge.role ? edge.role + " · " + zh + " (" + edge.relation + ")" : zh + " (" + edge.relation + ")";
  }

  // ------------------------------------------------------------------ what is drawn
  var around = all.map(function () { return []; });      // node -> its edges' numbers
  allEdges.forEach(function (e, i) { around[e.from].push(i); if (e.to !== e.from) around[e.to].push(i); });
  var loaded = {}, loadedEdges = {}, count = 0;
  all.forEach(function (n) {            // what the page's data leaves out, taken back
    if (n.label === undefined) n.label = n.name;
    if (n.iri === undefined) n.iri = data.base + n.i;
  });
  function drawn(n) {                   // what vis draws of a node
    var style = data.kinds[n.kind] || data.kinds.other;
    var out = {id: n.id, x: n.x, y: n.y, label: n.label, full: n.label, title: n.name, name: n.name,
               kind: n.kind, shape: style[2], color: n.color || style[0], size: n.size, font: n.font};
    if (n.focus) { out.focus = true; out.borderWidth = n.borderWidth; }
    return out;
  }
  function drawnEdge(e) {               // what vis draws of an edge
    var style = data.relations[e.relation] || [e.relation, "#999999"];
    var label = e.relation === "leads" && e.role ? e.role : style[0];
    return {id: e.id, from: e.from, to: e.to, label: label, color: style[1], title: label + " (" + e.relation + ")",
            relation: e.relation, role: e.role, d: e.d};
  }
  function load(ids) {
    var newNodes = [], newEdges = [];
    ids.forEach(function (id) {
      if (loaded[id]) return;
      loaded[id] = true;
      count += 1;
      newNodes.push(drawn(all[id]));
    });
    if (!newNodes.length) return false;
    newNodes.forEach(function (n) {
      around[n.id].forEach(function (i) {
        var e = allEdges[i];
        if (!loadedEdges[i] && loaded[e.from] && loaded[e.to]) {
          loadedEdges[i] = true;
          newEdges.push(drawnEdge(e));
        }
      });
    });
    batch(function () { nodes.add(newNodes); edges.add(newEdges); });
    return true;
  }
  function batch(change) {              // vis would redraw at once after each DataSet change:
    if (!network) return change();      // instead, once, in the next frame
    network.renderer.allowRedraw = false;
    try {
      change();
    } finally {
      network.renderer.allowRedraw = true;
      network.body.emitter.emit("_requestRedraw");
    }
  }
  function neighbourIds(id) {
    return around[id].map(function (i) { var e = allEdges[i]; return e.from === id ? e.to : e.from; });
  }
  function expand(id) {
    return load([id].concat(neighbourIds(id)));
  }
  // A big graph (data.opening: its bodies, their members and leaders) draws what is in view:
  // all of it while that is at most VIEW_MAX nodes, else its bodies and members, the busiest
  // first.  Positions are known beforehand, so a grid finds what a view holds.
  var VIEW_MAX = 1500, CELL = 1000, cells = {}, core = null;
  all.forEach(function (n) {
    var key = Math.floor(n.x / CELL) + "," + Math.floor(n.y / CELL);
    (cells[key] = cells[key] || []).push(n.id);
  });
  if (data.opening !== null) {
    core = {};
    data.opening.forEach(function (id) { core[id] = true; });
  }
  function inView() {
    var r = document.getElementById("mynetwork").getBoundingClientRect();
    var a = network.DOMtoCanvas({x: -r.width / 2, y: -r.height / 2});
    var b = network.DOMtoCanvas({x: 1.5 * r.width, y: 1.5 * r.height});
    var out = [];
    for (var gx = Math.floor(a.x / CELL); gx <= Math.floor(b.x / CELL); gx++)
      for (var gy = Math.floor(a.y / CELL); gy <= Math.floor(b.y / CELL); gy++)
        (cells[gx + "," + gy] || []).forEach(function (id) {
          var n = all[id];
          if (n.x >= a.x && n.x <= b.x && n.y >= a.y && n.y <= b.y) out.push(id);
        });
    return out;
  }
  function loadView() {
    if (core === null) return false;
    var ids = inView();
    if (ids.length > VIEW_MAX) {
      ids = ids.filter(function (id) { return core[id]; });
      ids.sort(function (m, n) { return priority(all[n]) - priority(all[m]) || m - n; });
      ids = ids.slice(0, VIEW_MAX);
    }
    return load(ids);
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
    var n = all[id];
    var box = panel.details;
    box.textContent = "";
    box.appendChild(el("h2", n.name));
    box.appendChild(el("div", kindName(n.kind), "kind kind-" + n.kind));
    field(box, "type", n.type);
    field(box, "text", n.text);
    field(box, "date", n.date);
    field(box, "IRI", n.iri);
    quote(box, n);
    var ids = around[id];
    box.appendChild(el("h3", "Statements 关系 (" + ids.length + ")"));
    ids.slice(0, 200).forEach(function (i) {
      var e = allEdges[i];
      var out = e.from === id;
      var other = all[out ? e.to : e.from];
      var item = el("div", null, "statement");
      item.appendChild(el("div", (out ? "→ " : "← ") + relationName(e) + " " + other.name, "what"));
      quote(item, e);
      box.appendChild(item);
    });
    if (ids.length > 200) box.appendChild(el("p", "… " + (ids.length - 200) + " more", "hint"));
  }
  function showEdge(id) {
    var e = allEdges[id];
    var box = panel.details;
    box.textContent = "";
    box.appendChild(el("h2", relationName(e)));
    field(box, "from", all[e.from].name);
    field(box, "to", all[e.to].name);
    quote(box, e);
  }

  // ------------------------------------------------------------------ filters
  function documentNodes(d) {
    var keep = {};
    allEdges.forEach(function (e) { if (e.d === d) { keep[e.from] = true; keep[e.to] = true; } });
    all.forEach(function (n) { if (n.kind === "document" && n.name === data.documents[d]) keep[n.id] = true; });
    return keep;
  }
  function bodyNodes(b) {
    var near = {};
    near[b] = true;
    neighbourIds(b).forEach(function (m) {
      near[m] = true;
      var kind = all[m].kind;
      if (kind === "duty" || kind === "post") neighbourIds(m).forEach(function (x) { near[x] = true; });
    });
    return near;
  }
  function visibleNodes() {
    var kinds = {};
    panel.kinds.forEach(function (c) { if (c.checked) kinds[c.value] = true; });
    var keep = null;
    if (panel.doc.value !== "") keep = documentNodes(Number(panel.doc.value));
    if (panel.body.value !== "") {
      var near = bodyNodes(Number(panel.body.value));
      keep = keep === null ? near : intersect(keep, near);
    }
    if (keep !== null) load(Object.keys(keep).map(Number));
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
    batch(function () {
      nodes.update(nodes.map(function (n) { return {id: n.id, hidden: !show[n.id]}; }));
      edges.update(edges.map(function (e) {
        return {id: e.id, hidden: !(show[e.from] && show[e.to] && (d === null || e.d === d))};
      }));
    });
    var ids = Object.keys(show).map(Number);
    if (ids.length) network.fit({nodes: ids, animation: false});
    showCounts(ids);
    declutter();
  }
  function showCounts(ids) {
    panel.counts.textContent = ids.length + " of " + all.length + " nodes shown";
    var perKind = {};                   // the legend counts what is shown
    ids.forEach(function (id) { var k = all[id].kind; perKind[k] = (perKind[k] || 0) + 1; });
    panel.kinds.forEach(function (c) {
      var n = c.parentNode.querySelector(".n");
      if (n) n.textContent = String(perKind[c.value] || 0);
    });
  }
  function shownIds() {
    return nodes.getIds({filter: function (n) { return !n.hidden; }});
  }
  function reset() {
    panel.doc.value = "";
    panel.body.value = "";
    panel.kinds.forEach(function (c) { c.checked = true; });
    load(all.map(function (n) { return n.id; }));
    applyFilters();
  }

  // ------------------------------------------------------------------ search
  function find(text) {
    text = text.trim();
    if (!text) return null;
    if (byName.hasOwnProperty(text)) return byName[text];
    for (var i = 0; i < all.length; i++) if (all[i].name.indexOf(text) >= 0) return i;
    return null;
  }
  function go() {
    var id = find(panel.search.value);
    if (id === null) {
      panel.details.textContent = "";
      panel.details.appendChild(el("p", "No node named " + panel.search.value, "hint"));
      return;
    }
    expand(id);
    if (nodes.get(id).hidden) reset();
    network.selectNodes([id]);
    network.focus(id, {scale: 1.2, animation: false});
    showNode(id);
    showCounts(shownIds());
    declutter();
  }

  // ------------------------------------------------------------------ labels
  // A label is drawn only where it overlaps no label drawn before it, the busiest nodes
  // (bodies and units first) placed first; zooming in makes room for more.
  var measurer = document.createElement("canvas").getContext("2d");
  var FACE = data.options.nodes.font.face;
  var INSIDE = {box: true, ellipse: true, circle: true, database: true, text: true};
  var GAP = 3;
  function labelBox(n, p) {
    var size = n.font.size;
    measurer.font = (n.font.bold ? "bold " : "") + size + "px " + FACE;
    var w = measurer.measureText(n.full).width + 2 * GAP, h = size + 2 * GAP;
    var top = INSIDE[n.shape] ? p.y - h / 2 : p.y + n.size + 5;
    return {left: p.x - w / 2, top: top - GAP, right: p.x + w / 2, bottom: top + h};
  }
  function priority(n) {
    return n.focus ? Infinity : (WEIGHT[n.kind] || 1) * (around[n.id].length + 1);
  }
  function declutter(noRedraw) {
    var rect = document.getElementById("mynetwork").getBoundingClientRect();
    var a = network.DOMtoCanvas({x: -200, y: -100}), b = network.DOMtoCanvas({x: rect.width + 200, y: rect.height + 100});
    var pos = network.getPositions(), cand = [];
    nodes.forEach(function (n) {
      var p = pos[n.id];
      if (!n.hidden && p && p.x >= a.x && p.x <= b.x && p.y >= a.y && p.y <= b.y) cand.push(n);
    });
    cand.sort(function (m, n) { return priority(n) - priority(m) || m.id - n.id; });
    var cell = 200, grid = {}, changes = [], shown = 0;
    cand.forEach(function (n) {
      var box = labelBox(n, pos[n.id]), free = true, cells = [];
      for (var gx = Math.floor(box.left / cell); gx <= Math.floor(box.right / cell); gx++)
        for (var gy = Math.floor(box.top / cell); gy <= Math.floor(box.bottom / cell); gy++) cells.push(gx + "," + gy);
      cells.forEach(function (c) {
        (grid[c] || []).forEach(function (o) {
          if (free && box.left < o.right && o.left < box.right && box.top < o.bottom && o.top < box.bottom) free = false;
        });
      });
      if (free) {
        cells.forEach(function (c) { (grid[c] = grid[c] || []).push(box); });
        shown += 1;
      }
      var label = free ? n.full : "", drawnNode = network.body.nodes[n.id];
      // straight to the drawn node: a DataSet update would make vis re-read the whole graph
      if (drawnNode && drawnNode.options.label !== label) { drawnNode.setOptions({label: label}); changes.push(n.id); }
    });
    if (changes.length && !noRedraw) network.body.emitter.emit("_requestRedraw");   // in the next frame
    state.labelsShown = shown;
  }
  var pending = null;
  function later() {
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(function () {
      pending = null;
      if (loadView()) showCounts(shownIds());
      declutter();
    }, 120);
  }

  // ------------------------------------------------------------------ set up
  nodes = new vis.DataSet([]);
  edges = new vis.DataSet([]);
  if (data.opening === null) load(all.map(function (n) { return n.id; }));
  network = new vis.Network(document.getElementById("mynetwork"), {nodes: nodes, edges: edges}, data.options);
  marks.network = performance.now();
  var names = [];
  all.forEach(function (n) {
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
    marks.click = performance.now();
    if (p.nodes.length) {
      var id = p.nodes[0];
      showNode(id);                       // the answer and what is around the node, drawn in one frame
      marks.shown = performance.now();
      if (expand(id)) showCounts(shownIds());
      declutter(true);                    // the new nodes' labels, before that frame
      marks.expanded = performance.now();
      network.once("afterDrawing", function () {   // the frame with the details and the neighbours
        setTimeout(function () { marks.answered = performance.now(); }, 0);
      });
      network.body.emitter.emit("_requestRedraw");   // one frame (the selection asks for it too)
    } else if (p.edges.length) showEdge(p.edges[0]);
  });
  network.on("zoom", later);
  network.on("dragEnd", later);
  network.on("resize", later);

  // A graph too big to read when fitted opens on its --focus node, else its busiest node
  // (bodies and units first), at a scale where labels can be read; "Show all" fits everything.
  // Whether it is too big is told from the positions alone: fitting a big graph would
  // measure every label.
  function fittedScale() {
    var r = document.getElementById("mynetwork").getBoundingClientRect();
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    all.forEach(function (n) {
      x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
    });
    return Math.min(r.width / (x1 - x0 + 200), r.height / (y1 - y0 + 200));
  }
  function openingView() {
    if (fittedScale() >= READABLE) {
      load(all.map(function (n) { return n.id; }));
      network.fit({animation: false});
      if (network.getScale() >= READABLE) return;
    }
    var best = null, most = -1;
    all.forEach(function (n) {
      var d = priority(n);
      if (d > most) { most = d; best = n.id; }
    });
    if (best !== null) network.moveTo({position: {x: all[best].x, y: all[best].y}, scale: READABLE, animation: false});
    loadView();
  }
  function settled() {
    if (state.ready) return;
    state.ready = true;
    state.settledMs = Math.round(performance.now());
    marks.drawn = state.settledMs;
    document.body.setAttribute("data-settled", String(state.settledMs));
  }
  function drawThenSettle() {
    if (state.ready) return;
    if (data.physics) network.setOptions({physics: false});
    openingView();
    declutter(true);
    showCounts(shownIds());
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
