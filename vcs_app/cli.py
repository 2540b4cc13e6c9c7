"""The headless commands (DESIGN.md section 6); they call the same services as the GUI."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

from vcs_app.domain.model import DomainError


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-26") from exc


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as argparse does, minus usage
        print(f"vcs-desk: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    from vcs_app.app import default_db_path

    parser = _Parser(
        prog="python main.py",
        description="VCS Desk: Victim Contact Scheme caseload. With no command, opens the window.",
    )
    parser.add_argument(
        "--db", type=Path, default=None, help=f"database file (default {default_db_path()})"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("demo", help="create a database of synthetic cases")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--victims", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--on", type=_date, default=None, help="treat this date as today")

    p = sub.add_parser("check", help="integrity, schema and audit-chain check (exit 0 ok, 1 not)")
    p.add_argument("--db", type=Path, required=True)

    p = sub.add_parser("due", help="list overdue and due tasks")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--on", type=_date, default=None)

    p = sub.add_parser("screenshot", help="save an offscreen picture of a view")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--view", default="caseload", choices=["caseload", "case"])
    p.add_argument("--size", default="1280x800")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    return COMMANDS[command](args)


def cmd_gui(args: argparse.Namespace) -> int:
    from vcs_app.app import DEMO_VICTIMS, default_db_path, display_problem
    from vcs_app.services.demo import build_demo
    from vcs_app.services.workspace import open_workspace

    path = args.db or default_db_path()
    if not path.exists():
        print(f"First run: creating a demo database of synthetic cases at {path}")
        ws = open_workspace(path, create=True)
        build_demo(ws, victims=DEMO_VICTIMS)
        ws.close()
    problem = display_problem()
    if problem:
        print(f"vcs-desk: {problem}", file=sys.stderr)
        return 2
    from vcs_app.qt.main_window import run_gui

    return run_gui(path)


def cmd_demo(args: argparse.Namespace) -> int:
    from vcs_app.services.demo import build_demo
    from vcs_app.services.workspace import open_workspace

    if args.victims < 1:
        raise DomainError("--victims must be at least 1")
    if args.db.exists():
        raise DomainError(f"{args.db} already exists; demo data goes into a new file.")
    started = time.perf_counter()
    ws = open_workspace(args.db, create=True)
    try:
        summary = build_demo(ws, victims=args.victims, seed=args.seed, today=args.on)
    finally:
        ws.close()
    print(
        f"created {args.db}: {summary.victims} victims, {summary.offenders} offenders, "
        f"{summary.liaison_entries + summary.contacts} liaison/contact entries, "
        f"{summary.tasks} tasks in {time.perf_counter() - started:.1f} s"
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from vcs_app.services.workspace import check_file

    try:
        problems = check_file(args.db)
    except DomainError as exc:
        print(f"problem: {exc}")
        return 1
    if problems:
        print(
            f"problem: {problems[0]}" + (f" (and {len(problems) - 1} more)" if problems[1:] else "")
        )
        return 1
    print("ok")
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    from vcs_app.services import tasks
    from vcs_app.services.workspace import open_workspace

    ws = open_workspace(args.db)
    try:
        on = args.on or date.today()
        for item in tasks.due_tasks(ws, on=on):
            state = "OVERDUE" if item.due_on < on else "due"
            print(f"{item.due_on.isoformat()}  {item.case_ref}  {state:7}  {item.title}")
    finally:
        ws.close()
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vcs_app.qt.main_window import screenshot

    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
    except ValueError as exc:
        raise DomainError(f"--size '{args.size}' should look like 1280x800") from exc
    screenshot(args.db, args.out, view=args.view, size=(width, height))
    print(f"saved {args.out}")
    return 0


COMMANDS = {
    "gui": cmd_gui,
    "demo": cmd_demo,
    "check": cmd_check,
    "due": cmd_due,
    "screenshot": cmd_screenshot,
}
