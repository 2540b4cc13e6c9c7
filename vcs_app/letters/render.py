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
from jinja2 import DictLoader, FileSystemLoader, StrictUndefined, meta, nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

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


# --- limits: an edited template cannot exhaust memory or run for ever ------------------
#
# Jinja's sandbox stops a template reaching Python's internals, not one asking for 10 GB:
# `{{ 'x' * 10**10 }}` was even built while compiling (constant folding). Here every way
# a template can make a large value is checked before or as it is made: `*`, `**` and
# `%` (intercepted, which also stops them being folded at compile time), `~` joins
# (the code generator wraps each), ranges, every filter and method call (an argument
# over the limit is refused, and so is a result over it), and the letter itself. A
# template that recurses for ever ends in RecursionError, which is reported like the
# rest. Wording not yet approved is also previewed in a child process with a time and
# memory limit (letters/isolated.py).

TEXT_LIMIT = 1_000_000  # characters or items in any one value; a long letter is 10,000
OUTPUT_LIMIT = 1_000_000  # characters of HTML in one letter
RANGE_LIMIT = 1_000  # items in a range(): more than any letter lists
INT_BITS_LIMIT = 4_096


class TemplateLimitError(jinja2.TemplateError):
    """The template asked for more than a letter can need."""


def _limit(size: int, what: str) -> None:
    if size > TEXT_LIMIT:
        raise TemplateLimitError(f"{what} would hold {size:,} characters or items")


def _sized(value: object) -> object:
    """`value` if it is of a size a letter can need, else TemplateLimitError."""
    if isinstance(value, (str, list, tuple, dict, set, frozenset)):
        _limit(len(value), "a value")
    elif isinstance(value, int) and value.bit_length() > INT_BITS_LIMIT:
        raise TemplateLimitError("a number is too large")
    return value


def _check_arguments(args: tuple, kwargs: dict) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > TEXT_LIMIT:
            raise TemplateLimitError(f"the number {value:,} is larger than a letter can need")


def _text_size(value: object) -> int:
    return len(value) if isinstance(value, str) else len(str(value))


def _check_growth(name: str, text: object, args: tuple) -> None:
    """Refuse before it is made a text that `name` (a str method or the filter of that
    name, applied to `text`) would make larger than the limit."""
    if not isinstance(text, str):
        if name == "join" and isinstance(text, (list, tuple)):
            glue = args[0] if args and isinstance(args[0], str) else ""
            _limit(sum(map(_text_size, text)) + len(glue) * len(text), "a joined text")
        return
    if name == "replace" and len(args) >= 2 and isinstance(args[1], str):
        old, new = str(args[0]), args[1]
        count = text.count(old) if old else len(text) + 1
        _limit(len(text) + count * max(0, len(new) - len(old)), "a replaced text")
    elif name == "join" and args and isinstance(args[0], (list, tuple)):
        _limit(sum(map(_text_size, args[0])) + len(text) * len(args[0]), "a joined text")
    elif name == "expandtabs" or name == "indent":
        width = args[0] if args and isinstance(args[0], int) else 8
        _limit(len(text) + (text.count("\t") + text.count("\n") + 1) * width, "an indented text")
    elif name in ("format", "format_map"):
        _check_format(text)


def _limited_filter(name: str, func):
    @functools.wraps(func)  # keeps Jinja's pass_context / pass_eval_ctx markers
    def limited(*args, **kwargs):
        _check_arguments(args, kwargs)
        plain = [a for a in args if not isinstance(a, (Context, EvalContext))]
        if plain:
            _check_growth(name, plain[0], tuple(plain[1:]))
        return _sized(func(*args, **kwargs))

    return limited


def _limited_range(*args: int) -> range:
    span = range(*args)
    if len(span) > RANGE_LIMIT:
        raise TemplateLimitError(f"range() of {len(span):,} items (at most {RANGE_LIMIT:,})")
    return span


# A width or precision of seven digits or more: '%9999999d' or '{:9999999}'.
_WIDE_FORMAT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*\.?\d{7,}|\{[^{}]*:[^{}]*\d{7,}[^{}]*\}")


def _check_format(text: str) -> None:
    if _WIDE_FORMAT.search(text):
        raise TemplateLimitError("a formatted value is too wide")


class _LimitedCodeGenerator(CodeGenerator):
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.sized(")  # `a ~ b`: the joined text is checked
        super().visit_Concat(node, frame)
        self.write(")")


class _LimitedNamespace(Namespace):
    """`namespace()` whose attributes are checked as they are set (a loop that doubles
    `ns.text` each time round is stopped at the limit)."""

    def __setitem__(self, key: str, value: object) -> None:
        super().__setitem__(key, _sized(value))


class LetterSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "%"})
    code_generator_class = _LimitedCodeGenerator

    @staticmethod
    def sized(value: object) -> object:
        return _sized(value)

    def call_binop(self, context: Context, operator: str, left, right):
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                    _limit(len(seq) * times, "a repeated value")
            both_ints = isinstance(left, int) and isinstance(right, int)
            if both_ints and left.bit_length() + right.bit_length() > INT_BITS_LIMIT:
                raise TemplateLimitError("a number is too large")
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and right * max(1, abs(left).bit_length()) > INT_BITS_LIMIT:
                raise TemplateLimitError("a number is too large")
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        return _sized(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj, *args, **kwargs):
        _check_arguments(args, kwargs)
        method = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        owner = getattr(method, "__self__", None)
        if isinstance(owner, str):  # a method of a text: 'x'.replace(...), ', '.join(...)
            _check_growth(getattr(method, "__name__", ""), owner, args)
        return _sized(super().call(__context, __obj, *args, **kwargs))


def _sandbox(loader: jinja2.BaseLoader) -> SandboxedEnvironment:
    env = LetterSandbox(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = _long_date_filter
    env.filters["cy_a"] = _welsh_with
    env.filters = {name: _limited_filter(name, f) for name, f in env.filters.items()}
    env.globals["range"] = _limited_range
    env.globals["namespace"] = _LimitedNamespace
    return env


def _render_capped(template: jinja2.Template, values: dict) -> str:
    """The letter, stopped once it passes OUTPUT_LIMIT characters."""
    parts, size = [], 0
    for part in template.generate(values):
        size += len(part)
        if size > OUTPUT_LIMIT:
            raise TemplateLimitError(f"the letter would be over {OUTPUT_LIMIT:,} characters")
        parts.append(part)
    return "".join(parts)


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
    except (RecursionError, MemoryError) as exc:
        raise LetterError(_runaway("The template", exc)) from exc
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
        return _render_capped(env.get_template(name), values)
    except (RecursionError, MemoryError, TemplateLimitError, OverflowError) as exc:
        raise LetterError(_runaway(f"The letter '{template_key}'", exc)) from exc
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


def _runaway(what: str, exc: BaseException) -> str:
    """The one message for a template that asks for too much."""
    if isinstance(exc, RecursionError):
        why = "it calls itself without end (or is nested too deeply)"
    elif isinstance(exc, MemoryError):
        why = "it needs more memory than a letter can"
    else:
        why = str(exc) or "it asks for more than a letter can need"
    return f"{what} cannot be used: {why}. Simplify the wording."


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
