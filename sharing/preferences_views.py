"""A person's sharing preferences, posted from /me/ (the topics they follow, their own
weekly cap); both answer with a redirect back there and a message, so they work
without JavaScript."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from sharing.forms import TopicsForm, WeeklyCapForm
from sharing.selectors import topics_in_use
from sharing.services import preferences_set


@require_POST
def preferences_topics(request):
    form = TopicsForm(request.POST, topics=topics_in_use())
    if not form.is_valid():
        messages.error(request, "Choose topics from the list.")
    else:
        preferences_set(user=request.user, topic_ids=[int(t) for t in form.cleaned_data["topics"]])
        messages.success(request, "Your topics were saved; the library ranks posts with them.")
    return HttpResponseRedirect(reverse("people:me") + "#sharing-preferences")


@require_POST
def preferences_cap(request):
    form = WeeklyCapForm(request.POST)
    if not form.is_valid():
        messages.error(request, "A personal cap is a whole number from 1 to 50, or empty.")
    else:
        cap = form.cleaned_data["weekly_cap"]
        preferences_set(user=request.user, weekly_cap=cap)
        messages.success(
            request,
            f"Your personal cap is {cap} shares a week." if cap else "Personal cap removed.",
        )
    return HttpResponseRedirect(reverse("people:me") + "#sharing-preferences")
