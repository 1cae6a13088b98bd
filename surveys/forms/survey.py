"""One form class factory for every survey page: fields come from the page's items, so a new
instrument version needs no code. Field names are item codes; a grid cell is
`<item>__<competency>`."""

from django import forms

from mentorship.choices import Level
from mentorship.models import Competency
from surveys.instruments.grid import active_competencies, grid_field_name
from surveys.models import InstrumentPage, Item

REQUIRED_MESSAGE = "Please answer this question."
CHOICE_MESSAGE = "Choose one of the options shown."


def _options(item: Item):
    return [(option.code, option.label) for option in item.options.all()]


def build_field(item: Item, *, require: bool) -> forms.Field:
    """The form field for one (non-grid) item; override here to add an item type."""
    common = {
        "label": item.prompt,
        "help_text": item.help_text,
        "required": require and item.required,
        "error_messages": {"required": REQUIRED_MESSAGE, "invalid_choice": CHOICE_MESSAGE},
    }
    if item.type in (Item.Type.SINGLE_CHOICE, Item.Type.LIKERT):
        return forms.ChoiceField(choices=_options(item), widget=forms.RadioSelect, **common)
    if item.type == Item.Type.MULTI_CHOICE:
        common["error_messages"]["invalid_choice"] = "Choose only from the options shown."
        return forms.MultipleChoiceField(
            choices=_options(item), widget=forms.CheckboxSelectMultiple, **common
        )
    if item.type == Item.Type.NUMBER:
        common["error_messages"]["invalid"] = "Enter a number, for example 12 or 2.5."
        return forms.DecimalField(
            min_value=item.min_value,
            max_value=item.max_value,
            max_digits=10,
            decimal_places=2,
            **common,
        )
    if item.type == Item.Type.SHORT_TEXT:
        return forms.CharField(max_length=item.max_length or 200, **common)
    if item.type == Item.Type.LONG_TEXT:
        return forms.CharField(
            max_length=item.max_length or 4000, widget=forms.Textarea(attrs={"rows": 5}), **common
        )
    raise ValueError(f"No form field for item type {item.type!r}")


class SurveyPageForm(forms.Form):
    """Base for generated page forms; `items` and `competencies` are set by the factory."""

    items: list[Item] = []
    competencies: list[Competency] = []

    def clean(self):
        cleaned = super().clean()
        for item in self.items:
            if item.type != Item.Type.MULTI_CHOICE or item.code not in cleaned:
                continue
            chosen = set(cleaned[item.code])
            for option in item.options.all():
                if option.is_exclusive and option.code in chosen and len(chosen) > 1:
                    self.add_error(
                        item.code,
                        f"“{option.label}” cannot be combined with other answers: "
                        f"untick it or untick the others.",
                    )
        return cleaned

    @property
    def sections(self) -> list[dict]:
        """The page in item order: a bound field per question, or for a grid its rows of
        (competency, bound field), so the template can lay the grid out as a table."""
        result = []
        for item in self.items:
            if item.type == Item.Type.COMPETENCY_GRID:
                rows = [(c, self[grid_field_name(item, c)]) for c in self.competencies]
                result.append({"item": item, "rows": rows, "levels": Level.choices})
            else:
                result.append({"item": item, "field": self[item.code]})
        return result


def build_page_form_class(
    page: InstrumentPage, *, require: bool = True, competencies=None
) -> type[SurveyPageForm]:
    """A form class for one page. `require=False` builds the lenient form used when someone goes
    back or saves for later: whatever they entered validly is kept, nothing is demanded."""
    items = list(page.items.prefetch_related("options"))
    competencies = active_competencies() if competencies is None else competencies
    fields = {}
    for item in items:
        if item.type == Item.Type.COMPETENCY_GRID:
            for competency in competencies:
                fields[grid_field_name(item, competency)] = forms.ChoiceField(
                    label=competency.name,
                    choices=[(str(value), label) for value, label in Level.choices],
                    widget=forms.RadioSelect,
                    required=require and item.required,
                    error_messages={
                        "required": f"Choose your level in {competency.name}.",
                        "invalid_choice": CHOICE_MESSAGE,
                    },
                )
        else:
            fields[item.code] = build_field(item, require=require)
    attrs = {**fields, "items": items, "competencies": competencies}
    return type(f"Page{page.number}Form", (SurveyPageForm,), attrs)
