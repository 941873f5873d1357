"""The consoles newswire prints on show article text as written (newswire/present/terminal.py)."""

from __future__ import annotations

import io

from rich.text import Text

from newswire.present.terminal import console, escape_controls


def printed(*objects) -> str:
    out = io.StringIO()
    c = console(file=out, force_terminal=True, color_system="standard", width=120)
    c.print(*objects)
    return out.getvalue()


def test_control_characters_in_text_are_escaped_but_styles_still_reach_the_terminal():
    out = printed(Text("before \x1b[31mred\x1b[0m \x07 after", style="bold"))
    assert "before \\x1b[31mred\\x1b[0m " in out  # (rich itself drops the bell)
    assert "\x1b[1m" in out  # rich's own bold
    assert "\x07" not in out and "\x1b[31m" not in out


def test_markup_and_emoji_codes_print_as_written():
    out = printed("[bold]x[/bold] :thumbs_up: :-1:")
    assert "[bold]x[/bold] :thumbs_up: :-1:" in out


def test_line_breaks_and_tabs_are_not_escaped():
    assert escape_controls("a\tb\nc\x00d\x9be") == "a\tb\nc\\x00d\\x9be"
