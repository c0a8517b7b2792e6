"""A person's own notification settings (email kinds, calendar feed) and the one-click
unsubscribe link every reminder email carries."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView
from django.views.generic.base import TemplateResponseMixin

from dbt_training.core.sites import absolute_url

from .. import services
from ..forms import EmailPreferencesForm, kind_phrase


class SettingsView(LoginRequiredMixin, FormView):
    """The signed-in person's email preferences and calendar feed; nobody else's."""

    form_class = EmailPreferencesForm
    template_name = "reminders/settings.html"
    success_url = reverse_lazy("reminders:settings")

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "opt_outs": list(self.request.user.email_opt_outs.all()),
        }

    def get_context_data(self, **kwargs):
        feed = services.calendar_feed_for(self.request.user)
        feed_url = absolute_url(reverse("reminders:feed", args=[feed.token]))
        return super().get_context_data(
            feed_url=feed_url,
            # Calendar apps that register the webcal scheme subscribe on a click.
            webcal_url="webcal://" + feed_url.split("://", 1)[1],
            **kwargs,
        )

    def form_valid(self, form):
        services.set_email_preferences(
            user=self.request.user, emailed_kinds=set(form.cleaned_data["emailed_kinds"])
        )
        messages.success(self.request, "Your email settings have been saved.")
        return super().form_valid(form)


# Mail providers POST the one-click unsubscribe (RFC 8058) from their servers, with no
# session cookie and no CSRF token, so the CSRF check must stand aside. The signed token in
# the URL is the authority: it names one reminder, cannot be forged without SECRET_KEY, and
# the most it can do is stop one kind of email to that reminder's trainee.
@method_decorator([csrf_exempt, never_cache], name="dispatch")
class UnsubscribeView(TemplateResponseMixin, View):
    """Stop one kind of reminder email from its unsubscribe link, with or without signing in."""

    template_name = "reminders/unsubscribe.html"

    def get(self, request, token):
        # Link scanners and mail previews open links, so a GET only asks; it changes nothing.
        link = services.unsubscribe_link(token)
        if link is None:
            return self.show("invalid")
        if link.used_at is not None:
            return self.show("used", link, used_at=link.used_at)
        return self.show("confirm", link)

    def post(self, request, token):
        # RFC 8058 bodies say "List-Unsubscribe=One-Click"; any POST to the link counts.
        outcome = services.unsubscribe(token=token)
        if outcome.link is None:
            return self.show("invalid")
        if not outcome.changed:
            return self.show("used", outcome.link, used_at=outcome.link.used_at)
        return self.show("done", outcome.link)

    def show(self, state: str, link: services.UnsubscribeLink | None = None, **context):
        # Only the kind and the cohort: whoever holds a forwarded email must not learn whose
        # address it was.
        if link is not None:
            context.update(
                kind=kind_phrase(link.kind), cohort=link.cohort, course=link.cohort.course
            )
        status = HTTPStatus.BAD_REQUEST if state == "invalid" else HTTPStatus.OK
        return self.render_to_response({"state": state, **context}, status=status)
