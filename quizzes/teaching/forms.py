"""Forms for the quiz builder and for joining a quiz. Validation messages are written for people."""

from __future__ import annotations

from pathlib import PurePath

from django import forms

from quizzes.interchange.types import MAX_OPTIONS
from quizzes.models import Quiz
from quizzes.models.teaching import QUIZ_ITEM_PROMPT_MAX
from quizzes.teaching.selectors import ItemContent

MAX_IMPORT_BYTES = 1_000_000
LONG_DESCRIPTION = "Keep the description under %(limit_value)d characters (it has %(show_value)d)."


class QuizCreateForm(forms.ModelForm):
    class Meta:
        model = Quiz
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"description": "Optional: what the quiz covers, shown to learners before they start."}
        error_messages = {"description": {"max_length": LONG_DESCRIPTION}}


class QuizSettingsForm(forms.ModelForm):
    time_limit_minutes = forms.IntegerField(
        label="Time limit (minutes)",
        required=False,
        min_value=1,
        max_value=24 * 60,
        help_text="Leave empty for no limit. The server ends the attempt when time is up.",
    )
    attempts_allowed = forms.IntegerField(
        label="Attempts allowed", min_value=0, max_value=100, help_text="0 means unlimited."
    )

    class Meta:
        model = Quiz
        fields = [
            "title",
            "description",
            "time_limit_minutes",
            "attempts_allowed",
            "grading",
            "shuffle_questions",
            "shuffle_options",
            "feedback",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        labels = {
            "grading": "Grading method",
            "shuffle_questions": "Shuffle the questions for each learner",
            "shuffle_options": "Shuffle the options of each question",
            "feedback": "Show right answers",
        }
        help_texts = {"grading": "How several attempts make one grade."}
        error_messages = {"description": {"max_length": LONG_DESCRIPTION}}


class ItemEditForm(forms.Form):
    """Reword one question for this quiz. Choice questions: up to four options, one marked right."""

    prompt = forms.CharField(
        label="Question", widget=forms.Textarea(attrs={"rows": 3}), max_length=QUIZ_ITEM_PROMPT_MAX
    )

    def __init__(self, *args, content: ItemContent, **kwargs) -> None:
        self.content = content
        initial = {"prompt": content.prompt}
        if content.is_choice:
            options = list(content.options or ())
            for n in range(1, MAX_OPTIONS + 1):
                initial[f"option_{n}"] = options[n - 1] if n <= len(options) else ""
            if content.answer_index is not None:
                initial["correct"] = str(content.answer_index + 1)
        else:
            initial["answer"] = content.answer
        super().__init__(*args, initial=initial, **kwargs)
        if content.is_choice:
            for n in range(1, MAX_OPTIONS + 1):
                self.fields[f"option_{n}"] = forms.CharField(
                    label=f"Option {n}", required=False, max_length=500
                )
            self.fields["correct"] = forms.TypedChoiceField(
                label="Right option",
                choices=[(str(n), f"Option {n}") for n in range(1, MAX_OPTIONS + 1)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Mark exactly one option as the right answer."},
            )
        else:
            label = {"typed_year": "Right year", "typed_text": "Right answer"}.get(
                content.kind, "Right number"
            )
            self.fields["answer"] = forms.CharField(label=label, max_length=100)

    def option_fields(self):
        return [self[f"option_{n}"] for n in range(1, MAX_OPTIONS + 1)]

    def edit_arguments(self) -> dict:
        """Keyword arguments for ``quiz_item_edit``; the right option is counted among filled ones only."""
        data = self.cleaned_data
        if not self.content.is_choice:
            return {"prompt": data["prompt"], "options": [], "answer_index": None, "answer": data["answer"]}
        raw = [data.get(f"option_{n}", "").strip() for n in range(1, MAX_OPTIONS + 1)]
        chosen = data["correct"] - 1
        # Marking an empty option leaves no right answer; otherwise count only the filled options before it.
        index = sum(1 for option in raw[:chosen] if option) if raw[chosen] else None
        return {"prompt": data["prompt"], "options": [o for o in raw if o], "answer_index": index}


class ImportForm(forms.Form):
    FORMATS = [("auto", "From the file name (.gift / .txt or .csv)"), ("gift", "GIFT"), ("csv", "CSV")]

    file = forms.FileField(label="Questions file", help_text="GIFT or CSV, UTF-8, at most 1 MB.")
    format = forms.ChoiceField(label="Format", choices=FORMATS, initial="auto")

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is None:
            return data
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file is larger than 1 MB.")
        try:
            data["text"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                "The file is not UTF-8 text. Save it as UTF-8 and try again."
            ) from None
        if data.get("format") == "auto":
            suffix = PurePath(upload.name or "").suffix.lower()
            if suffix == ".csv":
                data["format"] = "csv"
            elif suffix in (".gift", ".txt"):
                data["format"] = "gift"
            else:
                raise forms.ValidationError("Cannot tell the format from the file name: choose GIFT or CSV.")
        return data


class JoinForm(forms.Form):
    code = forms.CharField(
        label="Join code",
        max_length=20,
        help_text="Six letters and digits from your teacher, like K7MPQ2. Upper or lower case both work.",
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )
