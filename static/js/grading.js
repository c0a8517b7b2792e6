// Progressive enhancement of the grading page: the page works without this file.
(function () {
  "use strict";

  // Adds a saved comment to the end of its criterion's comment box, on a line of its own.
  function insertComment(box, text) {
    box.value = box.value.trim() ? box.value.replace(/\s+$/, "") + "\n" + text : text;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }

  // Without this file each criterion's saved comments are a <select> whose choice the server
  // appends on save. A <select> fires "change" on every ArrowDown, though, so inserting on change
  // put comment 1 in the box before a keyboard user could reach the others. Here the select
  // becomes a list of buttons instead: Tab reaches the list, ArrowUp/ArrowDown (Home/End) move
  // between comments without doing anything, Enter or Space inserts the one in focus, once.
  // The select is disabled, so the server does not append the comment a second time.
  function enhanceBank(select) {
    var criterion = select.getAttribute("data-bank-for");
    var box = document.querySelector('textarea[data-comment-for="' + criterion + '"]');
    var holder = select.closest(".criterion-bank");
    if (!box || !holder) { return; }
    var label = holder.querySelector("label[for='" + select.id + "']");
    var help = document.getElementById(select.getAttribute("data-bank-help"));

    var list = document.createElement("div");
    list.className = "bank-list";
    list.setAttribute("role", "toolbar");
    list.setAttribute("aria-orientation", "vertical");
    if (label) { list.setAttribute("aria-labelledby", label.id); }
    if (help) {
      help.textContent = "Enter adds the comment in focus to the box above; the arrow keys move between them.";
      list.setAttribute("aria-describedby", help.id);
    }
    var buttons = [];
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "bank-choice";
      button.textContent = option.text;
      button.tabIndex = buttons.length === 0 ? 0 : -1;
      list.appendChild(button);
      buttons.push(button);
    });
    if (!buttons.length) { return; }

    // A choice the server sent back (a form re-shown with an error) goes into the box now.
    if (select.value) { insertComment(box, select.options[select.selectedIndex].text); }
    select.value = "";
    select.disabled = true;
    select.hidden = true;
    if (label) { label.removeAttribute("for"); }
    holder.insertBefore(list, select);

    function moveTo(index) {
      buttons.forEach(function (button, n) { button.tabIndex = n === index ? 0 : -1; });
      buttons[index].focus();
    }
    list.addEventListener("click", function (event) {
      var button = event.target.closest(".bank-choice");
      if (button) { insertComment(box, button.textContent); }
    });
    list.addEventListener("keydown", function (event) {
      var index = buttons.indexOf(document.activeElement);
      if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) { return; }
      var next = null;
      if (event.key === "ArrowDown") { next = (index + 1) % buttons.length; }
      if (event.key === "ArrowUp") { next = (index - 1 + buttons.length) % buttons.length; }
      if (event.key === "Home") { next = 0; }
      if (event.key === "End") { next = buttons.length - 1; }
      if (next !== null) { event.preventDefault(); moveTo(next); }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("select[data-bank-for]"), enhanceBank);

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
