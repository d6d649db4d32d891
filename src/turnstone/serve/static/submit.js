// "Add an article": POST the form as JSON to /api/articles, then open the stored article.
(function () {
  "use strict";
  const form = document.getElementById("submit-form");
  if (!form) return;
  const status = document.getElementById("submit-status");
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    const body = {};
    new FormData(form).forEach(function (v, k) { if (String(v).trim()) body[k] = String(v); });
    status.textContent = "processing…";
    form.querySelector("button").disabled = true;
    fetch("/api/articles", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (b) { if (!r.ok) throw b; return b; }); })
      .then(function (b) { window.location.href = "/articles/" + encodeURIComponent(b.id); })
      .catch(function (err) {
        status.textContent = (err && err.error) ? err.error.message : "the request failed";
        form.querySelector("button").disabled = false;
      });
  });
})();
