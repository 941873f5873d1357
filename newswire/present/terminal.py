"""The consoles newswire prints on: article text shown as written, and nothing else.

Article text is data. Printed through a plain rich `Console` it is read three
ways it must not be: as markup ("[/b]"), as emoji codes (":thumbs_up:" shown
as a thumb) and, worst, as terminal control: an ESC sequence in a scraped page
would recolour, retitle or rewrite the user's terminal. `console()` gives a
console that does none of this: markup, emoji and highlighting off, and every
control character in what is printed (but line breaks and tabs) shown escaped
(`\\x1b`), while rich's own styling still reaches the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment

# Control characters shown escaped: all but the line breaks and tabs rich lays out.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """`text` with its control characters written as Python escapes ("\\x1b")."""
    return CONTROL.sub(lambda m: repr(m[0])[1:-1], text)


class _Console(Console):
    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        # rich's own control segments (cursor moves) pass; text segments are data
        safe = [s if s.control or not CONTROL.search(s.text) else Segment(escape_controls(s.text), s.style) for s in buffer]
        return super()._render_buffer(safe)


def console(**options: Any) -> Console:
    """A rich Console (any of its options) that prints text as written."""
    return _Console(**{"highlight": False, "markup": False, "emoji": False, **options})
