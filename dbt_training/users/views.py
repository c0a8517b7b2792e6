import copy

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.urls import reverse_lazy
from django.views.generic import FormView

from . import services
from .forms import ProfileForm


class ProfileView(LoginRequiredMixin, FormView):
    """The signed-in person's own name, time zone and CE details; nobody else's."""

    form_class = ProfileForm
    template_name = "users/user_profile.html"
    success_url = reverse_lazy("users:profile")

    def get_form_kwargs(self):
        # A copy, so that a rejected form never leaks unsaved values into request.user.
        return {**super().get_form_kwargs(), "instance": copy.copy(self.request.user)}

    def form_valid(self, form):
        services.update_profile(user=self.request.user, **form.cleaned_data)
        messages.success(self.request, "Your profile has been saved.")
        return super().form_valid(form)
