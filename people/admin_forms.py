"""Wagtail's user forms with the employee fields HR maintains."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm

EMPLOYEE_FIELDS = ["department", "job_title", "joined_on"]


class EmployeeCreationForm(UserCreationForm):
    joined_on = forms.DateField(
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="First working day; onboarding due dates count from here.",
    )

    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(EMPLOYEE_FIELDS)


class EmployeeEditForm(UserEditForm):
    joined_on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))

    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(EMPLOYEE_FIELDS)
