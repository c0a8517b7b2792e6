// Progressive enhancement of the grading page: the page works without this file.
(function () {
  "use strict";

  // A saved comment goes into its criterion's comment box at once, where the grader can edit it;
  // the choice is then cleared, so the server does not append it a second time on save.
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.matches || !select.matches("select[data-bank-for]") || !select.value) { return; }
    var box = document.querySelector('textarea[data-comment-for="' + select.getAttribute("data-bank-for") + '"]');
    if (!box) { return; }
    var text = select.options[select.selectedIndex].text;
    box.value = box.value.trim() ? box.value.replace(/\s+$/, "") + "\n" + text : text;
    select.value = "";
    box.focus();
  });

  // J / K move to the next / previous entry of the queue, as in mail readers; never while the
  // grader types, and never with a modifier key (those belong to the browser and screen readers).
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) { return; }
    var link = null;
    if (event.key === "j") { link = document.querySelector("[data-queue-next]"); }
    if (event.key === "k") { link = document.querySelector("[data-queue-prev]"); }
    if (link) { event.preventDefault(); window.location.assign(link.href); }
  });
}());
