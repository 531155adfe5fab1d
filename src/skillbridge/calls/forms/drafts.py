"""Writing a draft together: what the page started from, and the merge of a conflict."""

from django import forms

from skillbridge.calls.services.proposals import DRAFT_FIELDS


class DraftBaseForm(forms.Form):
    """What the writer's page started from: the draft's version and a fingerprint per answer."""

    version = forms.IntegerField(min_value=1, max_value=2**31 - 1, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in DRAFT_FIELDS:
            self.fields[f"base_{name}"] = forms.CharField(max_length=64, required=False)

    def base(self) -> dict[str, str]:
        if not self.is_valid():
            return {}
        return {
            n: self.cleaned_data[f"base_{n}"]
            for n in DRAFT_FIELDS
            if self.cleaned_data[f"base_{n}"]
        }

    def base_version(self) -> int | None:
        """None when the page sent no version; 0 (older than any) when it sent a bad one.

        So a garbled page is treated as stale: it may conflict, never overwrite.
        """
        if not self.is_bound:
            return None
        return self.cleaned_data["version"] if self.is_valid() else 0


class MergeForm(forms.Form):
    """The writer's choice for each answer in conflict: keep mine, take theirs, or an edit."""

    MINE, THEIRS, EDITED = "mine", "theirs", "edited"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in DRAFT_FIELDS:
            self.fields[f"resolve_{name}"] = forms.ChoiceField(
                choices=[(c, c) for c in (self.MINE, self.THEIRS, self.EDITED)], required=False
            )
            self.fields[f"mine_{name}"] = forms.CharField(required=False, strip=False)
            self.fields[f"edit_{name}"] = forms.CharField(required=False, strip=False)

    def in_conflict(self) -> list[str]:
        """The answers the page offered to merge, in the order of the form."""
        return [n for n in DRAFT_FIELDS if self.is_valid() and self.cleaned_data[f"resolve_{n}"]]

    def chosen(self) -> dict[str, str]:
        """The raw value the writer keeps for each answer, leaving out those they give up."""
        values = {}
        for name in self.in_conflict():
            choice = self.cleaned_data[f"resolve_{name}"]
            if choice == self.MINE:
                values[name] = self.cleaned_data[f"mine_{name}"]
            elif choice == self.EDITED:
                values[name] = self.cleaned_data[f"edit_{name}"]
        return values
