// django_celery_beat's periodic-task form: under the crontab field's help, the schedule in words
// (templates/admin/djcelery/change_periodictask_form.html).
"use strict";
{
    const script = document.getElementById("periodic-task-overrides");
    const readableCrontabs = JSON.parse(document.getElementById("readable-crontabs").textContent);
    const crontab = document.getElementById("id_crontab");
    const help = document.querySelector(".field-crontab .help");
    const translation = document.querySelector(".field-crontab_translation");
    if (translation) {
        translation.style.display = "none";
    }
    if (crontab && help) {
        crontab.addEventListener("change", () => {
            help.replaceChildren(
                script.dataset.crontabHelp,
                document.createElement("br"),
                `Translation: ${readableCrontabs[crontab.value] ?? ""}`,
            );
        });
    }
}
