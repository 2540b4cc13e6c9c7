"""pyproject.toml says what an install gets: every package and resource folder, and the
versions the code relies on. Fast checks; tests/packaging/test_wheel.py builds the wheel."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _requirements(name: str, *, extra: str | None = None) -> list[Requirement]:
    listed = (
        PROJECT["project"]["optional-dependencies"][extra]
        if extra
        else PROJECT["project"]["dependencies"]
    )
    return [r for r in map(Requirement, listed) if r.name.lower() == name.lower()]


def _allowed(name: str, version: str, python: str) -> bool:
    """Whether installing on Python `python` may pick `version` of `name`."""
    environment = {"python_version": python, "python_full_version": f"{python}.0"}
    applying = [
        r for r in _requirements(name) if r.marker is None or r.marker.evaluate(environment)
    ]
    assert applying, f"no requirement for {name} applies on Python {python}"
    return all(r.specifier.contains(version, prereleases=True) for r in applying)


def test_every_package_and_resource_folder_is_installed():
    listed = set(PROJECT["tool"]["setuptools"]["packages"])
    code = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "vcs_app").rglob("__init__.py")
    }
    data = {
        ".".join(("vcs_app", *d.relative_to(ROOT).parts))
        for d in [ROOT / "resources", *(ROOT / "resources").rglob("*")]
        if d.is_dir() and d.name != "__pycache__"
    }
    assert listed == code | data
    assert PROJECT["tool"]["setuptools"]["package-dir"] == {"vcs_app.resources": "resources"}


def test_shipped_files_are_found_through_one_module_only():
    """A module that finds resources/ from its own place breaks once installed."""
    finders = []
    for path in sorted((ROOT / "vcs_app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(n, ast.Name) and n.id == "__file__" for n in ast.walk(tree)):
            finders.append(path.relative_to(ROOT).as_posix())
    assert finders == []


def test_jinja2_has_the_sandbox_fixes():
    assert not _allowed("Jinja2", "3.1.5", "3.11")
    assert _allowed("Jinja2", "3.1.6", "3.11")


def test_pyside6_is_held_below_6_12_only_on_python_3_11():
    for name in ("PySide6-Essentials", "PySide6-Addons"):
        assert _allowed(name, "6.11.3", "3.11")
        assert not _allowed(name, "6.12.0", "3.11")
        assert _allowed(name, "6.12.0", "3.12")
        assert _allowed(name, "6.12.0", "3.13")
        assert not _allowed(name, "6.6.0", "3.12")


def test_encrypted_extra_has_windows_and_mac_wheels():
    assert _requirements("sqlcipher3-binary", extra="encrypted") == []
    (sqlcipher,) = _requirements("sqlcipher3", extra="encrypted")
    assert not sqlcipher.specifier.contains("0.6.3")
    assert sqlcipher.specifier.contains("0.6.4")
