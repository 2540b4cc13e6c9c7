"""Welsh forms of the words the domain hands to a person (statuses, flags, needs, task
titles, reasons...), kept here as plain Python so the domain stays free of Qt.

The domain speaks English: its labels are the keys. `in_language(text, "cy")` gives the
Welsh form of a label, or of a sentence made from a template below ("Overdue by {n}
days"); text it does not know (a name, a note, an address) comes back as it is. The
interface calls it through `vcs_app.qt.i18n.shown`, with the language chosen in Settings.
A Welsh-language officer should review this wording (README, "Cymraeg").
"""

from __future__ import annotations

import re
from functools import cache

# English label -> Welsh. Keys are exactly the strings the domain produces.
WORDS: dict[str, str] = {}

# English template -> Welsh template; {fields} hold a number, date or other text, which is
# itself put into Welsh when the catalogue knows it.
TEMPLATES: dict[str, str] = {}


def in_language(text: str, language: str) -> str:
    """`text` in `language` ("en" or "cy"); unknown text is returned unchanged."""
    if language != "cy" or not text:
        return text
    known = WORDS.get(text)
    if known is not None:
        return known
    for pattern, welsh in _compiled():
        match = pattern.fullmatch(text)
        if match:
            fields = {k: in_language(v, language) for k, v in match.groupdict().items()}
            return welsh.format(**fields)
    return text


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled = []
    for english, welsh in TEMPLATES.items():
        parts = re.split(r"\{(\w+)\}", english)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
        compiled.append((re.compile(regex, re.DOTALL), welsh))
    return tuple(compiled)
