"""Learner-facing forms (the teacher's are in forms_teach.py)."""

import zoneinfo

from django import forms

from quizzes.models import StudyProfile


class StudySettingsForm(forms.ModelForm):
    timezone = forms.ChoiceField(
        label="Your timezone", help_text="Your study day starts at 04:00 in this timezone."
    )
    desired_retention = forms.FloatField(
        label="Desired retention",
        min_value=0.70,
        max_value=0.99,
        help_text="How likely you want to be to remember a card when it comes back: 0.70 to 0.99. "
        "Higher means more reviews.",
        widget=forms.NumberInput(attrs={"step": "0.01"}),
    )
    new_per_day = forms.IntegerField(label="New cards per day", min_value=0, max_value=9999)
    reviews_per_day = forms.IntegerField(label="Reviews per day", min_value=0, max_value=9999)

    class Meta:
        model = StudyProfile
        fields = ["timezone", "desired_retention", "new_per_day", "reviews_per_day"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["timezone"].choices = [(name, name) for name in sorted(zoneinfo.available_timezones())]
