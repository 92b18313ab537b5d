from django import forms

from reviewapp.models import Category, Severity, Side


class EditForm(forms.Form):
    text = forms.CharField(strip=True, widget=forms.Textarea(attrs={"rows": 3}))
    base_version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


class FlagForm(forms.Form):
    side = forms.ChoiceField(choices=Side.choices, initial=Side.TARGET)
    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    category = forms.ChoiceField(choices=Category.choices)
    severity = forms.ChoiceField(choices=Severity.choices, initial=Severity.MAJOR)
    comment = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    suggestion = forms.CharField(required=False, label="Suggested correction")

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None and end <= start:
            raise forms.ValidationError("Select the words to flag inside the text first.")
        return cleaned


class RestoreForm(forms.Form):
    number = forms.IntegerField(min_value=0)
