// Article view: pointing at an item in the side panel highlights its spans in the text, and back.
(function () {
  "use strict";
  const text = document.getElementById("text");
  function setActive(ref, on) {
    document.querySelectorAll(".ref").forEach(function (el) {
      if (el.dataset.ref === ref) el.classList.toggle("active", on);
    });
    text.querySelectorAll(".hl").forEach(function (el) {
      if ((el.dataset.refs || "").split(" ").indexOf(ref) >= 0) el.classList.toggle("active", on);
    });
  }
  document.querySelectorAll(".ref").forEach(function (el) {
    el.addEventListener("mouseenter", function () { setActive(el.dataset.ref, true); });
    el.addEventListener("mouseleave", function () { setActive(el.dataset.ref, false); });
    el.addEventListener("click", function () {
      const first = Array.prototype.find.call(text.querySelectorAll(".hl"), function (s) {
        return (s.dataset.refs || "").split(" ").indexOf(el.dataset.ref) >= 0;
      });
      if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
    });
  });
  text.addEventListener("mouseover", function (ev) {
    const span = ev.target.closest ? ev.target.closest(".hl") : null;
    document.querySelectorAll(".ref.active").forEach(function (el) { el.classList.remove("active"); });
    if (!span) return;
    (span.dataset.refs || "").split(" ").forEach(function (ref) {
      document.querySelectorAll(".ref").forEach(function (el) { if (el.dataset.ref === ref) el.classList.add("active"); });
    });
  });
})();
