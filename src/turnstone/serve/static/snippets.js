// Search snippets mark matches with [[ ]]; turn them into <mark> without ever parsing text as HTML.
(function () {
  "use strict";
  document.querySelectorAll("td.snippet").forEach(function (cell) {
    const parts = cell.textContent.split(/\[\[|\]\]/);
    cell.textContent = "";
    parts.forEach(function (part, i) {
      if (i % 2 === 1) { const m = document.createElement("mark"); m.textContent = part; cell.appendChild(m); }
      else cell.appendChild(document.createTextNode(part));
    });
  });
})();
