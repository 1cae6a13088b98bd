"""Moving through a page with the Tab key only, as someone who cannot use a mouse would."""

FOCUS_STATE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        name: el.getAttribute('name') || '',
        text: (el.innerText || el.value || '').trim(),
        focusVisible: el.matches(':focus-visible'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
        onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                  && box.left < window.innerWidth,
    };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUS_STATE)


def tab_to(page, matches, *, limit: int = 60) -> dict:
    """Press Tab until matches(focus state) holds; fail naming every stop on the way."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        visited.append(f"{state['tag']}[{state['name'] or state['text'][:30]}]")
        if matches(state):
            return state
    raise AssertionError(f"Tab never reached the element; focus went through: {visited}")


def assert_focus_visible(state: dict) -> None:
    assert state["onScreen"], f"The focused element is off screen: {state}"
    assert state["focusVisible"] and (state["outline"] or state["shadow"]), (
        f"Keyboard focus has no visible indicator: {state}"
    )
