"""The safe-text gate: nothing a user types can restyle or drive the terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content

from journal.ui.safe import HIGHLIGHT_STYLE, highlight_snippet, safe_plain, safe_text

ALLOWED_CONTROLS = {"\n", "\t"}


def _unsafe(ch: str) -> bool:
    code = ord(ch)
    return ch not in ALLOWED_CONTROLS and (code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F)


# Text biased towards the dangerous parts of Unicode.
nasty = st.text(
    st.one_of(
        st.characters(min_codepoint=0, max_codepoint=0x20),
        st.characters(min_codepoint=0x7F, max_codepoint=0xA0),
        st.sampled_from(list("[]/«»\\@$ bold red link=")),
        st.characters(),
    )
)


@given(nasty)
def test_output_never_contains_control_characters(s: str) -> None:
    for out in (safe_plain(s), safe_text(s).plain, highlight_snippet(s).plain):
        assert not any(_unsafe(ch) for ch in out)


@given(nasty)
def test_everything_else_is_kept_in_order(s: str) -> None:
    assert safe_plain(s) == "".join(ch for ch in s if not _unsafe(ch))
    assert safe_text(s).plain == safe_plain(s)


def test_escape_sequences_lose_their_escape() -> None:
    attack = "\x1b[2J\x1b]0;pwned\x07hi\x9b31m\r\x08there\n\tok"
    assert safe_plain(attack) == "[2J]0;pwnedhi31mthere\n\tok"


def test_markup_comes_out_literally() -> None:
    content = safe_text("[bold]x[/] [@click=app.quit]q[/] [link=http://e.x]l[/]")
    assert isinstance(content, Content)
    assert content.plain == "[bold]x[/] [@click=app.quit]q[/] [link=http://e.x]l[/]"
    assert content.spans == []


def test_markers_highlight_the_marked_parts() -> None:
    content = highlight_snippet("could not «sleep» again, «sleep»less")
    assert content.plain == "could not sleep again, sleepless"
    marked = [content.plain[span.start : span.end] for span in content.spans]
    assert marked == ["sleep", "sleep"]
    assert all(span.style == HIGHLIGHT_STYLE for span in content.spans)


def test_custom_markers_and_stray_markers() -> None:
    content = highlight_snippet("<<a>> b>> <<c", markers=("<<", ">>"))
    assert content.plain == "a b c"
    assert [content.plain[s.start : s.end] for s in content.spans] == ["a", "c"]


def test_markup_inside_a_snippet_stays_text() -> None:
    content = highlight_snippet("[red]«x»[/red]\x1b[0m")
    assert content.plain == "[red]x[/red][0m"
    assert [content.plain[s.start : s.end] for s in content.spans] == ["x"]


@given(st.lists(st.tuples(st.text(alphabet="ab [/]\x1b"), st.booleans()), max_size=6))
def test_snippet_spans_match_marked_text(parts: list[tuple[str, bool]]) -> None:
    raw = "".join(f"«{text}»" if marked else text for text, marked in parts)
    content = highlight_snippet(raw)
    expected_plain = safe_plain("".join(text for text, _ in parts))
    assert content.plain == expected_plain
    highlighted = "".join(content.plain[s.start : s.end] for s in content.spans)
    assert highlighted == "".join(safe_plain(t) for t, marked in parts if marked)
