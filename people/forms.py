from django import forms

from people.models import Audience, SocialNetwork, User
from people.platforms import PLATFORM_CHOICES


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name"]


class NetworkForm(forms.ModelForm):
    platform = forms.ChoiceField(choices=PLATFORM_CHOICES)
    audience = forms.ChoiceField(choices=Audience.choices, widget=forms.RadioSelect)
    followers = forms.IntegerField(
        min_value=0,
        max_value=500_000_000,
        initial=0,
        error_messages={"invalid": "Enter the number of followers as a whole number."},
    )

    class Meta:
        model = SocialNetwork
        fields = ["platform", "handle", "audience", "followers"]
        labels = {"handle": "Handle or profile name"}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user

    def clean(self):
        cleaned = super().clean()
        platform, handle = cleaned.get("platform"), cleaned.get("handle")
        if (
            platform
            and handle
            and SocialNetwork.objects.filter(
                user=self.instance.user, platform=platform, handle=handle.strip()
            ).exists()
        ):
            self.add_error("handle", "You already added this handle for that network.")
        return cleaned
