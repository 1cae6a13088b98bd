"""allauth titles its pages and buttons in Title Case ("Sign In", "Confirm Email Address"); the
rest of the site writes sentence case, so its elements pass their text through this filter."""

import re

from django import template

register = template.Library()

# Markup is passed over whole; of the words, only capitalised ones ("In", "Email") are lowered,
# never all-capital ones ("ID"), and never the first word.
TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[A-Za-z]+")
TITLE_WORD = re.compile(r"[A-Z][a-z]+")


@register.filter(is_safe=True)
def sentence_case(text) -> str:
    seen_first_word = False

    def lower_after_first(match: re.Match) -> str:
        nonlocal seen_first_word
        token = match.group(0)
        if token.startswith(("<", "&")):
            return token
        if not seen_first_word:
            seen_first_word = True
            return token
        return token.lower() if TITLE_WORD.fullmatch(token) else token

    result = TOKEN.sub(lower_after_first, str(text))
    return result  # is_safe: Django keeps safe input safe, and escapes the rest
