"""Answering whatever a form asks, the way a hurried but honest person would."""

# Fills only what is still blank, so answers the site kept are never overwritten: a resumed
# survey can be checked for what it remembered. Radios and checkboxes get their first choice,
# selects their first real option, numbers 2, text a sentence long enough for any minimum.
FILL_BLANKS_JS = """(form) => {
    const text = 'Written in a browser journey, long enough for any minimum length.';
    const groups = {};
    for (const el of form.querySelectorAll('input, select, textarea')) {
        if (el.disabled || el.type === 'hidden' || el.type === 'file') continue;
        if (el.type === 'radio' || el.type === 'checkbox') {
            (groups[el.name] = groups[el.name] || []).push(el);
        } else if (el.tagName === 'SELECT') {
            if (!el.value) {
                const option = [...el.options].find(o => o.value);
                if (option) el.value = option.value;
            }
        } else if (!el.value && el.type !== 'submit' && el.type !== 'button') {
            el.value = {number: '2', email: 'someone@example.net', url: 'https://example.org',
                        date: '1990-01-01', tel: '0123 456 789'}[el.type]
                       || (el.maxLength > 0 && el.maxLength < text.length
                           ? text.slice(0, el.maxLength) : text);
        }
    }
    for (const [name, boxes] of Object.entries(groups)) {
        // A lone checkbox is an opt-in (mentoring willingness, an agreement): leave it.
        if (boxes.length === 1 && boxes[0].type === 'checkbox') continue;
        if (!boxes.some(b => b.checked)) boxes[0].checked = true;
    }
}"""

FORM_VALUES_JS = """(form) => {
    const data = new FormData(form);
    data.delete('csrfmiddlewaretoken');
    return [...data.entries()].map(([k, v]) => `${k}=${v}`).sort();
}"""


def fill_blanks(form) -> None:
    form.evaluate(FILL_BLANKS_JS)


def form_values(form) -> list[str]:
    """The form's fields as 'name=value' strings, sorted (what submitting it would send)."""
    return form.evaluate(FORM_VALUES_JS)
