// Article view: pointing at an item in the side panel highlights its spans in the text, and back.
(function () {
  "use strict";
  const text = document.getElementById("text");
  // A side-panel item may stand for several spans (a place mentioned often): data-ref lists them.
  function refsOf(el) { return (el.dataset.ref || "").split(" "); }
  function setActive(refs, on) {
    document.querySelectorAll(".ref").forEach(function (el) {
      if (refsOf(el).some(function (r) { return refs.indexOf(r) >= 0; })) el.classList.toggle("active", on);
    });
    text.querySelectorAll(".hl").forEach(function (el) {
      if ((el.dataset.refs || "").split(" ").some(function (r) { return refs.indexOf(r) >= 0; })) el.classList.toggle("active", on);
    });
  }
  document.querySelectorAll(".ref").forEach(function (el) {
    el.addEventListener("mouseenter", function () { setActive(refsOf(el), true); });
    el.addEventListener("mouseleave", function () { setActive(refsOf(el), false); });
    el.addEventListener("click", function () {
      const first = Array.prototype.find.call(text.querySelectorAll(".hl"), function (s) {
        return (s.dataset.refs || "").split(" ").some(function (r) { return refsOf(el).indexOf(r) >= 0; });
      });
      if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
    });
  });
  text.addEventListener("mouseover", function (ev) {
    const span = ev.target.closest ? ev.target.closest(".hl") : null;
    document.querySelectorAll(".ref.active").forEach(function (el) { el.classList.remove("active"); });
    if (!span) return;
    const refs = (span.dataset.refs || "").split(" ");
    document.querySelectorAll(".ref").forEach(function (el) {
      if (refsOf(el).some(function (r) { return refs.indexOf(r) >= 0; })) el.classList.add("active");
    });
  });
})();
