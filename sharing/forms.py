from django import forms

from people.platforms import PLATFORM_CHOICES


class LibraryFilterForm(forms.Form):
    view = forms.ChoiceField(choices=[("for-you", "For you"), ("all", "All posts")], required=False)
    platform = forms.ChoiceField(
        choices=[("", "Any network"), *PLATFORM_CHOICES], required=False, label="Network"
    )
    topic = forms.ChoiceField(required=False, label="Topic")

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", "Any topic")] + [(t.slug, t.name) for t in topics]


class SuggestionForm(forms.Form):
    url = forms.URLField(
        label="Link",
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    note = forms.CharField(
        label="Why colleagues would want to share it",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        if not url.startswith("https://"):
            raise forms.ValidationError("Suggest a full https:// link.")
        return url


class ShareForm(forms.Form):
    text = forms.CharField(label="Your caption", widget=forms.Textarea(attrs={"rows": 7}))
    include_disclosure = forms.BooleanField(required=False, initial=True)
    variant = forms.IntegerField(min_value=0, max_value=50, initial=0, widget=forms.HiddenInput)


class TopicsForm(forms.Form):
    topics = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Topics I follow"
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(str(t.pk), t.name) for t in topics]


class WeeklyCapForm(forms.Form):
    weekly_cap = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=50,
        label="My weekly cap",
        help_text="Shares a week that earn you points. Leave empty to use the programme's cap.",
    )
