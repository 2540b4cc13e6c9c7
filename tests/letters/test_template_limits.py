"""Letter templates cannot hurt (issue 16 §7): wording that asks for gigabytes, recurses
for ever or loops for ever is refused in one clear line, quickly, with bounded memory,
and the preview of wording not yet approved runs where a runaway cannot take the app
down (a child process with a time and a memory limit)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from vcs_app.domain.model import Language
from vcs_app.letters.context import LetterError
from vcs_app.letters.isolated import IsolatedRenderer
from vcs_app.letters.render import render_from_source, template_source
from vcs_app.services import letters

ROOT = Path(__file__).resolve().parents[2]
KEY = "key_date_update"


def _with(change: str) -> str:
    body = template_source(KEY, Language.ENGLISH)[1]
    return body.replace("{% block body %}", "{% block body %}" + change)


PREVIEW = """
import json, resource, time
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # a failure, not a swapped machine
from vcs_app.domain.model import Language
from vcs_app.letters.render import template_source
from vcs_app.services import letters

body = template_source("key_date_update", Language.ENGLISH)[1].replace(
    "{% block body %}", "{% block body %}" + CHANGE)
started = time.perf_counter()
try:
    letters.preview_wording("key_date_update", Language.ENGLISH, body)
    outcome = "rendered"
except letters.DomainError as exc:
    outcome = str(exc)
# This process's own high-water mark (its rusage would include the test process it was
# forked from), and the rendering child's.
own = next(int(line.split()[1]) for line in open("/proc/self/status")
           if line.startswith("VmHWM:"))
peak = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - started,
                  "peak_mb": peak / 1024}))
"""


def _preview_in_fresh_process(change: str) -> dict:
    """The editor's preview, in a process of its own so its peak memory is its own."""
    code = f"CHANGE = {change!r}\n" + textwrap.dedent(PREVIEW)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ("{{ 'x' * 10**10 }}", "would hold 10,000,000,000 characters"),
        (
            "{% macro again(n) %}{{ again(n) }}{% endmacro %}{{ again(1) }}",
            "calls itself without end",
        ),
    ],
)
def test_the_issues_templates_are_refused_quickly_with_bounded_memory(change, why):
    """`{{ 'x' * 10**10 }}` allocated about 10 GB while compiling (the kernel killed the
    app); a macro calling itself escaped the error handling."""
    result = _preview_in_fresh_process(change)
    assert why in result["outcome"] and "cannot be used" in result["outcome"], result
    assert result["seconds"] < 10, result  # a child's start included, on a busy machine
    assert result["peak_mb"] < 300, result


@pytest.mark.parametrize(
    "change",
    [
        "{{ 2 ** 100000 }}",
        "{{ '%999999999d' % 1 }}",
        "{{ '%9999999s'|format('x') }}",
        "{{ '{:9999999}'.format('x') }}",
        "{{ range(10**6)|list|length }}",
        "{{ 'x'|center(10**9) }}",
        "{{ 'x'.ljust(10**9) }}",
        "{{ ('x' * 999999).replace('x', 'x' * 999999) }}",
        "{{ ('x' * 999999)|indent(999999) }}",
        "{% set ns = namespace(text='x') %}{% for i in range(60) %}"
        "{% set ns.text = ns.text ~ ns.text %}{% endfor %}",
        "{% for a in range(1000) %}{% for b in range(1000) %}0123456789{% endfor %}{% endfor %}",
        "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
    ],
)
def test_every_way_of_making_a_huge_value_is_refused_in_one_line(change):
    from vcs_app.services.letters import synthetic_context

    base = template_source(KEY, Language.ENGLISH)[0]
    started = time.perf_counter()
    with pytest.raises(LetterError, match="cannot be used") as refused:
        render_from_source(
            KEY, synthetic_context(Language.ENGLISH), base_source=base, body_source=_with(change)
        )
    assert time.perf_counter() - started < 2
    assert "\n" not in str(refused.value)


@pytest.fixture
def child():
    """Render a body in a child process with limits of our own: child(**limits)(body)."""
    renderers = []

    def make(**limits):
        renderer = IsolatedRenderer(**limits)
        renderers.append(renderer)
        base = template_source(KEY, Language.ENGLISH)[0]
        ctx = letters.synthetic_context(Language.ENGLISH)
        return lambda body: renderer.call(
            render_from_source, KEY, ctx, base_source=base, body_source=body
        )

    yield make
    for renderer in renderers:
        renderer.close()


def test_a_loop_that_runs_too_long_is_stopped_and_the_next_preview_works(child):
    render = child(time_limit=2)
    spin = _with(
        "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
        "{% endfor %}{% endfor %}{% endfor %}"
    )
    started = time.perf_counter()
    with pytest.raises(LetterError, match="took longer than 2 seconds"):
        render(spin)
    assert time.perf_counter() - started < 8
    assert "Ceri Prydderch" in render(_with("")).text


def test_wording_that_needs_too_much_memory_ends_its_child_not_the_app(child):
    """Values each within the limits, but together over the child's memory limit."""
    hoard = _with(
        "{% set ns = namespace(kept=[]) %}{% for i in range(1000) %}"
        "{% set ns.kept = ns.kept + [('x' * 999000) ~ i] %}{% endfor %}"
    )
    with pytest.raises(LetterError, match="needs more memory than a letter can"):
        child(memory_mb=400)(hoard)


def test_ordinary_wording_still_renders_in_the_child():
    rendered, reasons = letters.preview_wording(KEY, Language.ENGLISH, _with("<p>Hello.</p>"))
    assert reasons == [] and "Hello." in rendered.text


def test_a_letter_reads_no_file_by_itself(qapp, tmp_path):
    """A template's <img src="file://host/share/x.png"> would make Windows send the login
    hash to that host when the letter is previewed or printed: only data: pictures show."""
    import base64

    from PySide6.QtGui import QColor, QImage

    from vcs_app.letters.print_adapter import pdf_bytes

    red = QImage(40, 40, QImage.Format.Format_RGB32)
    red.fill(QColor("red"))
    picture = tmp_path / "probe.png"
    red.save(str(picture))
    inline = "data:image/png;base64," + base64.b64encode(picture.read_bytes()).decode()

    def red_pixels(src: str) -> int:
        data, _ = pdf_bytes(f'<p>x<img src="{src}" width="200"></p>', title="t")
        (tmp_path / "page.pdf").write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "20", "-singlefile", str(tmp_path / "page.pdf"),
             str(tmp_path / "page")], check=True,
        )  # fmt: skip
        page = QImage(str(tmp_path / "page.png"))
        return sum(
            page.pixelColor(x, y).red() > 200 and page.pixelColor(x, y).green() < 60
            for x in range(page.width())
            for y in range(page.height())
        )

    assert red_pixels(inline) > 0
    assert red_pixels(picture.as_uri()) == 0


@pytest.mark.timeout(30)
def test_a_picture_that_does_not_decode_neither_hangs_nor_empties_the_letter(qapp):
    """Qt laid an undecodable picture out 33 million pixels high: the page-break pass
    looped for ever (a map attachment only has to start like a PNG to be accepted)."""
    import base64

    from vcs_app.letters.print_adapter import pdf_bytes

    bad_png = b"\x89PNG\r\n\x1a\n" + bytes(40)
    uri = "data:image/png;base64," + base64.b64encode(bad_png).decode()
    data, pages = pdf_bytes(f'<p>Map:<img src="{uri}" width="50"></p><p>After</p>', title="t")
    assert pages == 1 and data.startswith(b"%PDF")
