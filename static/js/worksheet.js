// Progressive enhancement for the worksheet page (site.js already counts saves in flight and
// failed requests): also warn before leaving when the server refused the last autosave, e.g. a
// rating out of range, since what is on the page is then not what is stored.
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
})();
