from django import forms


class AcknowledgeForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have read and understood this policy",
        error_messages={"required": "Tick the box to confirm you have read and understood it."},
    )
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    revision = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
