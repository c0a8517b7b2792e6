// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Preselect the browser's time zone on sign-up while the field still shows the default.
  function detectTimeZone() {
    var select = document.querySelector("select[data-detect-time-zone]");
    if (!select || select.dataset.touched || !window.Intl) { return; }
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (select.value === "UTC" && zone && select.querySelector('option[value="' + zone + '"]')) {
      select.value = zone;
    }
    select.addEventListener("change", function () { select.dataset.touched = "true"; });
  }

  document.addEventListener("DOMContentLoaded", detectTimeZone);
})();
