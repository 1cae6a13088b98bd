"""A multi-select of fixed codes that SQL can test on any database we run on."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class ChoiceListField(models.CharField):
    """Several codes from one vocabulary, stored as ",a,b," (empty string when none).

    The surrounding commas let a query ask "does this person serve youth?" with
    `field__contains=",youth,"` on SQLite and PostgreSQL alike, which the ranking needs; a JSON
    list cannot be tested that way on SQLite and a many-to-many would cost a join per candidate.
    """

    description = "A list of codes from a fixed vocabulary"

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        for key, default in (("max_length", 255), ("blank", True), ("default", list)):
            if kwargs.get(key) == default:
                kwargs.pop(key)
        return name, path, args, kwargs

    @staticmethod
    def pattern(code: str) -> str:
        """The substring that marks one code as present, for `__contains` lookups."""
        return f",{code},"

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return list(value)
        return [code for code in value.strip(",").split(",") if code]

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value
        codes = list(value or [])
        return f",{','.join(codes)}," if codes else ""

    def validate(self, value, model_instance):
        known = {code for code, _ in self.item_choices}
        unknown = [code for code in value or [] if code not in known]
        if unknown:
            raise ValidationError(f"Unknown choice: {', '.join(unknown)}.", code="invalid_choice")
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def run_validators(self, value):
        super().run_validators(self.get_prep_value(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def labels(self, codes) -> list[str]:
        names = dict(self.item_choices)
        return [names.get(code, code) for code in codes or []]

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.MultipleChoiceField,
            "choices": self.item_choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name.capitalize(),
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        form_class = defaults.pop("form_class")
        defaults.pop("choices_form_class", None)
        defaults.pop("max_length", None)
        defaults.pop("empty_value", None)
        return form_class(**defaults)
