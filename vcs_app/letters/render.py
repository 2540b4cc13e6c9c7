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
from jinja2 import DictLoader, FileSystemLoader, StrictUndefined, meta, pass_context
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
from vcs_app.resource_files import resource_path

LETTERS_DIR = resource_path("letters")
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


def _sandbox(loader: jinja2.BaseLoader) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = _long_date_filter
    env.filters["cy_a"] = _welsh_with
    return env


@functools.cache
def _environment(directory: Path) -> SandboxedEnvironment:
    return _sandbox(FileSystemLoader(directory, encoding="utf-8"))


@functools.lru_cache(maxsize=64)
def _source_environment(name: str, base_source: str, body_source: str) -> SandboxedEnvironment:
    """An environment over wording kept in the database (an edited or an old version);
    cached so a batch of letters compiles each version once."""
    return _sandbox(DictLoader({BASE_TEMPLATE: base_source, name: body_source}))


@functools.cache
def _catalogue(directory: Path) -> Catalogue:
    return load_catalogue(directory / "catalogue.json")


def _template_version(directory: Path, name: str) -> str:
    """Catalogue version plus a hash of the template and its base, so the record of a
    letter shows exactly which wording produced it (read afresh: templates reload when
    edited, and the version must follow)."""
    env = _environment(directory)
    sources = [
        env.loader.get_source(env, source_name)[0]  # type: ignore[union-attr]
        for source_name in (BASE_TEMPLATE, name)
    ]
    return source_version(*sources, directory=directory)


def source_version(base_source: str, body_source: str, *, directory: Path = LETTERS_DIR) -> str:
    """The version of a template's wording: the catalogue version plus a hash of the base
    and body sources, so the same words always give the same version."""
    digest = hashlib.sha256()
    for source in (base_source, body_source):
        digest.update(source.encode("utf-8"))
    return f"{_catalogue(directory).version}+{digest.hexdigest()[:12]}"


def template_source(
    template_key: str, language: Language, *, directory: Path = LETTERS_DIR
) -> tuple[str, str]:
    """The standard wording of a letter as (base source, body source)."""
    _catalogue(directory).get(template_key)
    env = _environment(directory)
    name = f"{Language(language).value}/{template_key}.html.j2"
    try:
        return tuple(  # type: ignore[return-value]
            env.loader.get_source(env, source_name)[0]  # type: ignore[union-attr]
            for source_name in (BASE_TEMPLATE, name)
        )
    except jinja2.TemplateNotFound as exc:
        raise LetterError(
            f"The {Language(language).value} template for the letter '{template_key}' is "
            f"missing ({exc.name})."
        ) from exc


def template_fields(body_source: str) -> frozenset[str]:
    """The context fields a template body uses (parsed, not run): which of a letter's
    optional details the VLO should be asked for."""
    try:
        parsed = _sandbox(DictLoader({})).parse(body_source)
    except jinja2.TemplateSyntaxError as exc:
        raise LetterError(
            f"The template has a mistake on line {exc.lineno}: {exc.message}"
        ) from exc
    return frozenset(meta.find_undeclared_variables(parsed))


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
    language = Language(ctx.language)
    name = f"{language.value}/{template_key}.html.j2"
    html = _render(_environment(directory), template_key, ctx, directory=directory, title=None)
    return _rendered(template_key, language, html, _template_version(directory, name))


def render_from_source(
    template_key: str,
    ctx: LetterContext,
    *,
    base_source: str,
    body_source: str,
    title: str | None = None,
    directory: Path = LETTERS_DIR,
) -> RenderedLetter:
    """Render with wording kept elsewhere (an office's edited version, or the version an
    old letter was sent with). `title` overrides the catalogue's title, so an old letter
    keeps the title it was sent with."""
    name = f"{Language(ctx.language).value}/{template_key}.html.j2"
    env = _source_environment(name, base_source, body_source)
    html = _render(env, template_key, ctx, directory=directory, title=title)
    version = source_version(base_source, body_source, directory=directory)
    return _rendered(template_key, Language(ctx.language), html, version)


def _rendered(key: str, language: Language, html: str, version: str) -> RenderedLetter:
    return RenderedLetter(
        template_key=key,
        language=language,
        html=html,
        text=html_to_text(html),
        content_hash=hashlib.sha256(html.encode("utf-8")).hexdigest(),
        template_version=version,
    )


def _render(
    env: SandboxedEnvironment,
    template_key: str,
    ctx: LetterContext,
    *,
    directory: Path,
    title: str | None,
) -> str:
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
    values["letter_title"] = title or info.title(language)
    try:
        return env.get_template(name).render(values)
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
    except jinja2.TemplateSyntaxError as exc:
        raise LetterError(
            f"The letter '{template_key}' ({language.value}) has a mistake on line "
            f"{exc.lineno}: {exc.message}"
        ) from exc
    except jinja2.TemplateError as exc:
        raise LetterError(f"The letter '{template_key}' cannot be produced: {exc}") from exc
    except (ArithmeticError, LookupError, TypeError, ValueError) as exc:
        # Only an edited template can get here (e.g. a sum that divides by zero).
        raise LetterError(f"The letter '{template_key}' cannot be produced: {exc}") from exc


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
