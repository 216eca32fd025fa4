// Details for a clicked actor or event in the article view.
// Data comes from the JSON block the server wrote (parsed, never evaluated) and is shown with
// textContent only: article text is hostile input and must never become markup.
"use strict";
(function () {
  var block = document.getElementById("layers");
  var text = document.getElementById("text");
  var list = document.getElementById("details-list");
  if (!block || !text || !list) { return; }
  var layers = JSON.parse(block.textContent || "{}");

  function add(term, value) {
    var dt = document.createElement("dt");
    dt.textContent = term;
    var dd = document.createElement("dd");
    dd.textContent = value === null || value === undefined || value === "" ? "—" : String(value);
    list.appendChild(dt);
    list.appendChild(dd);
  }

  function indices(el, name) {
    var raw = el.getAttribute(name) || "";
    return raw.split(" ").filter(function (s) { return s !== ""; }).map(Number);
  }

  function actorLine(a) { return a ? a.code + " (" + a.text + ")" : "—"; }

  function show(el) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    indices(el, "data-actors").forEach(function (i) {
      var m = layers.actors[i];
      if (!m) { return; }
      add("actor", m.code);
      add("mention", m.text);
      add("name", m.name || m.dictionary_entry);
      add("kind · how", (m.kind || "?") + " · " + (m.how || "?"));
    });
    indices(el, "data-events").forEach(function (i) {
      var e = layers.events[i];
      if (!e) { return; }
      add("event", e.code + " " + (e.name || ""));
      add("who → whom", actorLine(e.source) + " → " + actorLine(e.target));
      add("Goldstein", typeof e.goldstein === "number" ? e.goldstein.toFixed(1) : e.goldstein);
      add("quad class", e.quad_class);
      add("modality", e.modality);
      add("rule", e.rule);
      add("trigger", e.trigger ? e.trigger.text : "");
    });
    var current = text.querySelector("mark.selected");
    if (current) { current.classList.remove("selected"); }
    el.classList.add("selected");
  }

  text.addEventListener("click", function (ev) {
    var el = ev.target.closest("mark");
    if (el) { show(el); }
  });
  text.addEventListener("keydown", function (ev) {
    if ((ev.key === "Enter" || ev.key === " ") && ev.target.matches("mark")) {
      ev.preventDefault();
      show(ev.target);
    }
  });
})();
