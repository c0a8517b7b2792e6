// Progressive enhancement for the worksheet page (site.js already counts saves in flight and
// failed requests): also warn before leaving when the server refused the last autosave, e.g. a
// personal target it could not add, since what is on the page is then not what is stored.
(function () {
  "use strict";

  window.addEventListener("beforeunload", function (event) {
    var status = document.getElementById("worksheet-status");
    if (status && status.querySelector("[data-save-failed]")) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // A plain form post (Save draft / Submit) stores everything the page holds: leaving by it
  // is never a loss, so the warning must not stand in its way.
  document.addEventListener("submit", function (event) {
    if (event.target && event.target.id === "worksheet") {
      var status = document.getElementById("worksheet-status");
      var failed = status && status.querySelector("[data-save-failed]");
      if (failed) { failed.removeAttribute("data-save-failed"); }
    }
  });

  function describedBy(control) {
    var ids = (control.getAttribute("aria-describedby") || "").split(/\s+/);
    return ids.filter(function (id) { return id; });
  }

  function setDescribedBy(control, ids) {
    if (ids.length) { control.setAttribute("aria-describedby", ids.join(" ")); }
    else { control.removeAttribute("aria-describedby"); }
  }

  function stillInvalid(ids) {
    // A day's "missing …" message from a refused submit still describes the empty cell.
    return ids.some(function (id) {
      var element = document.getElementById(id);
      return element && element.closest(".errorlist, .field-error");
    });
  }

  // The server stores a draft without the values it cannot take and names them in the status
  // line ([data-cell-error] = the control's id): mark those cells where they are, the way a
  // plain "Save draft" post renders them, and clear the marks it made on cells now fine.
  function markCells(status) {
    var form = document.getElementById("worksheet");
    if (!form) { return; }
    var refused = {};
    status.querySelectorAll("[data-cell-error]").forEach(function (item) {
      refused[item.getAttribute("data-cell-error")] = item.textContent;
    });
    form.querySelectorAll("input[id], select[id], textarea[id]").forEach(function (control) {
      var errorId = control.id + "-error";
      var shown = document.getElementById(errorId);
      var ids = describedBy(control).filter(function (id) { return id !== errorId; });
      if (Object.prototype.hasOwnProperty.call(refused, control.id)) {
        if (!shown) {
          shown = document.createElement("span");
          shown.className = "field-error";
          shown.id = errorId;
          shown.setAttribute("data-autosave-error", "");
          control.insertAdjacentElement("afterend", shown);
        }
        shown.textContent = refused[control.id];
        ids.push(errorId);
        setDescribedBy(control, ids);
        control.setAttribute("aria-invalid", "true");
        return;
      }
      // Only marks an autosave made go: a refused submit's messages stand until the next post.
      if (!shown || !shown.hasAttribute("data-autosave-error")) { return; }
      shown.remove();
      setDescribedBy(control, ids);
      if (!stillInvalid(ids)) { control.removeAttribute("aria-invalid"); }
    });
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var status = document.getElementById("worksheet-status");
    if (status && event.detail && event.detail.target === status) { markCells(status); }
  });
})();
