// The assignment form: "case behaviors" shows only for a target hierarchy / case formulation and
// the "diary card rows" fieldset only for a diary card, and
// on a new assignment the de-identification checkbox follows the worksheet kind (on for client
// worksheets, off for free text and file uploads) until the trainer sets it themselves.
// Without JavaScript every field shows and the server ignores both for other kinds.
(function () {
  "use strict";

  function setUp(form) {
    var clientKinds = (form.dataset.clientKinds || "").split(" ");
    var caseKind = form.dataset.caseKind;
    var behaviors = form.querySelector("[data-case-behaviors]");
    var diaryKind = form.dataset.diaryKind;
    var diaryRows = form.querySelector("#diary-rows");
    var aboutClient = form.querySelector("[data-about-client]");
    var chosenByHand = !("new" in form.dataset);

    function kind() {
      var checked = form.querySelector("input[name='worksheet']:checked");
      return checked ? checked.value : "";
    }

    function update(kindChanged) {
      var current = kind();
      if (behaviors && behaviors.parentElement) {
        behaviors.parentElement.hidden = current !== caseKind;
      }
      if (diaryRows) {
        diaryRows.hidden = current !== diaryKind;
      }
      if (kindChanged && aboutClient && !chosenByHand) {
        aboutClient.checked = clientKinds.indexOf(current) !== -1;
      }
    }

    if (aboutClient) {
      aboutClient.addEventListener("change", function () { chosenByHand = true; });
    }
    form.addEventListener("change", function (event) {
      if (event.target.name === "worksheet") { update(true); }
    });
    update(false);
  }

  document.querySelectorAll("form[data-assignment-form]").forEach(setUp);
})();
