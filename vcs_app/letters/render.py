"""Letter templates -> HTML, without Qt, so every letter can be tested and checked.

Templates are reviewed text, but the values poured into them come from case records,
so rendering is sandboxed and escaped, and a field the template asks for but the
context does not have is an error rather than a silent blank in a letter to a victim.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, fields
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import jinja2
from jinja2 import FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from vcs_app.domain.model import Language
from vcs_app.letters.context import (
    Catalogue,
    LetterContext,
    LetterError,
    TemplateInfo,
    load_catalogue,
    long_date,
)

LETTERS_DIR = Path(__file__).resolve().parents[2] / "resources" / "letters"
BASE_TEMPLATE = "base.html.j2"


@dataclass(frozen=True)
class RenderedLetter:
    """A letter ready for review: the HTML that prints, its plain text for the safety
    checks, and the hash and template version recorded when it is produced."""

    template_key: str
    language: Language
    html: str
    text: str
    content_hash: str
    template_version: str


@pass_context
def _long_date_filter(context: Context, value: date) -> str:
    return long_date(value, context["language"])


_WELSH_VOWELS = frozenset("aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü")


def _welsh_with(name: str) -> str:
    """Welsh 'â' (with, about) is written 'ag' before a vowel: 'ag Alun', 'â Rhys'."""
    return f"{'ag' if name[:1].casefold() in _WELSH_VOWELS else 'â'} {name}"


@functools.cache
def _environment(directory: Path) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader(directory, encoding="utf-8"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = _long_date_filter
    env.filters["cy_a"] = _welsh_with
    return env


@functools.cache
def _catalogue(directory: Path) -> Catalogue:
    return load_catalogue(directory / "catalogue.json")


def _template_version(directory: Path, name: str) -> str:
    """Catalogue version plus a hash of the template and its base, so the record of a
    letter shows exactly which wording produced it (read afresh: templates reload when
    edited, and the version must follow)."""
    env = _environment(directory)
    digest = hashlib.sha256()
    for source_name in (BASE_TEMPLATE, name):
        source, _, _ = env.loader.get_source(env, source_name)  # type: ignore[union-attr]
        digest.update(source.encode("utf-8"))
    return f"{_catalogue(directory).version}+{digest.hexdigest()[:12]}"


def available_templates(directory: Path = LETTERS_DIR) -> list[TemplateInfo]:
    """The letters a VLO can choose from. `directory` lets an office use its own
    reviewed template set."""
    return list(_catalogue(directory).templates)


_MISSING_NAME = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def render_letter(
    template_key: str, ctx: LetterContext, *, directory: Path = LETTERS_DIR
) -> RenderedLetter:
    """Render one letter in the context's language; raises LetterError naming the
    letter and the field when something it needs is missing."""
    info = _catalogue(directory).get(template_key)
    language = Language(ctx.language)
    missing = ctx.missing(info.needs)
    if missing:
        raise LetterError(
            f"The letter '{template_key}' needs {', '.join(missing)}, which "
            f"{'is' if len(missing) == 1 else 'are'} not filled in."
        )
    name = f"{language.value}/{template_key}.html.j2"
    values = {f.name: getattr(ctx, f.name) for f in fields(ctx)}
    values["letter_title"] = info.title(language)
    try:
        html = _environment(directory).get_template(name).render(values)
    except jinja2.UndefinedError as exc:
        match = _MISSING_NAME.search(exc.message or "")
        field = next((g for g in match.groups() if g), "?") if match else "?"
        raise LetterError(
            f"The letter '{template_key}' ({language.value}) uses the field '{field}', "
            "which the letter context does not have."
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise LetterError(
            f"The {language.value} template for the letter '{template_key}' is missing "
            f"({exc.name})."
        ) from exc
    except jinja2.TemplateError as exc:
        raise LetterError(f"The letter '{template_key}' cannot be produced: {exc}") from exc
    return RenderedLetter(
        template_key=template_key,
        language=language,
        html=html,
        text=html_to_text(html),
        content_hash=hashlib.sha256(html.encode("utf-8")).hexdigest(),
        template_version=_template_version(directory, name),
    )


class _TextExtractor(HTMLParser):
    _BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "li", "tr", "table", "ul", "ol"})
    _HIDDEN = frozenset({"head", "title", "style", "script"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n- " if tag == "li" else "\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "td":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:  # line breaks in the source are spaces on the page
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The words a reader sees, one block per line: what the safety checks read."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
