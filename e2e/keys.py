"""The keyboard alone: move the focus with Tab and operate controls with keys, never the mouse.

Each helper fails when a control cannot be reached or operated this way, which is the point.
"""

FOCUSED_MATCHES = "s => !!document.activeElement && document.activeElement.matches(s)"


def focused_matches(page, selector: str) -> bool:
    return page.evaluate(FOCUSED_MATCHES, selector)


def tab_to(page, selector: str, *, back: bool = False, limit: int = 80) -> None:
    """Press Tab (Shift+Tab with ``back``) until the element matching ``selector`` has focus."""
    for _ in range(limit):
        if focused_matches(page, selector):
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"{selector} cannot be reached with {'Shift+' if back else ''}Tab")


def replace_text(page, text: str) -> None:
    """Select what the focused field holds and type ``text`` over it."""
    page.keyboard.press("Control+A")
    if text:
        page.keyboard.type(text)
    else:
        page.keyboard.press("Delete")


def choose_option(page, value: str) -> None:
    """In the focused (closed) select, move with the arrow keys to the option ``value``."""
    options = page.evaluate("() => [...document.activeElement.options].map(o => o.value)")
    assert value in options, f"{value!r} is not an option of the focused select: {options}"
    for _ in range(len(options)):
        current = page.evaluate("() => document.activeElement.selectedIndex")
        target = options.index(value)
        if current == target:
            return
        page.keyboard.press("ArrowDown" if target > current else "ArrowUp")
    raise AssertionError(f"the arrow keys did not reach the option {value!r}")


def choose_radio(page, name: str, value: str) -> None:
    """Tab into the radio group ``name`` and move with the arrow keys to ``value``."""
    tab_to(page, f"input[type=radio][name={name}]")
    for _ in range(20):
        if focused_matches(page, f"input[type=radio][name={name}][value={value}]:checked"):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys did not check {name}={value}")


def tick(page, selector: str) -> None:
    """Tab to the checkbox ``selector`` and tick it with Space."""
    tab_to(page, selector)
    page.keyboard.press("Space")
    assert focused_matches(page, f"{selector}:checked"), f"Space did not tick {selector}"


def type_into(page, name: str, text: str) -> None:
    """Tab to the field ``name`` in the main content and type ``text`` over what it holds."""
    tab_to(page, f"main [name={name}]")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def press_submit(page, selector: str = "main form[method=post] button[type=submit]") -> None:
    """Tab to the submit button and press Enter; the next page loads."""
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def follow(page, selector: str) -> None:
    """Tab to the link and press Enter."""
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")
