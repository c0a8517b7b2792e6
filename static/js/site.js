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

  // Quiz autosave: say "Saving…" while a save is in flight, and say loudly when one fails, so a
  // trainee never believes an answer is stored when it is not. The server is the judge: every
  // answer is also sent again by the page's own "Save answers" and "Submit" buttons.
  var pendingSaves = 0;
  var failedSaves = {};

  function statusOf(event) {
    var fieldset = event.detail && event.detail.elt;
    if (!fieldset || !fieldset.hasAttribute || !fieldset.hasAttribute("data-autosave")) { return null; }
    return document.getElementById(fieldset.id + "-status");
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var status = statusOf(event);
    if (!status) { return; }
    pendingSaves += 1;
    status.classList.remove("is-failed");
    status.classList.add("is-saving");
    status.textContent = "Saving…";
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var status = statusOf(event);
    if (!status) { return; }
    pendingSaves = Math.max(0, pendingSaves - 1);
    status.classList.remove("is-saving");
    if (event.detail.successful) {
      delete failedSaves[status.id];
      if (status.querySelector("[data-save-failed]")) { status.classList.add("is-failed"); }
      return;
    }
    failedSaves[status.id] = true;
    status.classList.add("is-failed");
    status.textContent = event.detail.xhr && event.detail.xhr.status === 400
      ? "Not saved: this answer was refused. Reload the page to see what is saved."
      : "Not saved: the connection failed. Your answer is still on this page; it will be saved with your next change or with “Save answers”.";
  });

  window.addEventListener("beforeunload", function (event) {
    if (!document.querySelector("[data-quiz-form]")) { return; }
    if (pendingSaves > 0 || Object.keys(failedSaves).length > 0) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // Quiz timer: counts down to the server's deadline, and submits the saved answers at 0:00.
  // The server enforces the limit whatever happens here.
  function startTimer() {
    var timer = document.querySelector("[data-deadline]");
    var form = document.querySelector("[data-quiz-form]");
    if (!timer || !form) { return; }
    var deadline = Date.parse(timer.getAttribute("data-deadline"));
    var left = timer.querySelector("[data-timer-left]");
    var announce = timer.querySelector("[data-timer-announce]");
    var announced = null;
    function tick() {
      var seconds = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(seconds / 60);
      left.textContent = "Time left: " + minutes + ":" + String(seconds % 60).padStart(2, "0");
      // Screen readers hear the time every 5 minutes and at 1 minute, not every second.
      var mark = seconds <= 60 ? 1 : (minutes % 5 === 0 ? minutes : null);
      if (mark !== null && mark !== announced) {
        announced = mark;
        announce.textContent = mark + (mark === 1 ? " minute" : " minutes") + " left.";
      }
      timer.classList.toggle("is-low", seconds <= 60);
      if (seconds === 0) {
        window.clearInterval(handle);
        pendingSaves = 0;
        failedSaves = {};
        var submit = form.querySelector("[data-submit-attempt]");
        var confirmed = document.createElement("input");
        confirmed.type = "hidden";
        confirmed.name = "confirmed";
        confirmed.value = "yes";
        form.appendChild(confirmed);
        if (form.requestSubmit && submit) { form.requestSubmit(submit); } else if (submit) { submit.click(); }
      }
    }
    var handle = window.setInterval(tick, 1000);
    tick();
  }

  document.addEventListener("DOMContentLoaded", startTimer);
})();
