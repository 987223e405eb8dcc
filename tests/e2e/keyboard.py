"""Moving through a page with the keyboard only, as a keyboard or switch user does."""

from playwright.sync_api import Page


def focused(page: Page, selector: str) -> bool:
    return page.evaluate(
        "(selector) => document.activeElement !== null && document.activeElement.matches(selector)",
        selector,
    )


def tab_to(page: Page, selector: str, *, max_presses: int = 80) -> None:
    """Presses Tab until the element matching `selector` has the focus.

    Every element passed on the way must show where the focus is (WCAG 2.4.7).
    """
    visited = []
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if focused(page, selector):
            assert_focus_is_visible(page)
            return
        visited.append(page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)"))
        assert_focus_is_visible(page)
    raise AssertionError(
        f"{selector} was not reached with {max_presses} presses of Tab; the focus went through:\n"
        + "\n".join(visited)
    )


def assert_focus_is_visible(page: Page) -> None:
    """The focused element has a focus indicator (an outline or a box shadow) and is on screen."""
    state = page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return {
                html: element.outerHTML.slice(0, 80),
                indicator: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
                           || style.boxShadow !== "none",
                onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0,
            };
        }"""
    )
    assert state["indicator"], f"no visible focus indicator on {state['html']}"
    assert state["onScreen"], f"the focused element is off screen: {state['html']}"
