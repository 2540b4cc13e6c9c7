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


KEY_ENV = "VCS_DESK_KEY"


def _key_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """`--key-stdin` for an encrypted database: never the key itself as an argument,
    where any user could read it in the process list."""
    parser.add_argument(
        "--key-stdin",
        action="store_true",
        # on a command, unset unless given: the top-level flag must not be overwritten
        default=False if top else argparse.SUPPRESS,
        help=f"read the key of an encrypted database from standard input (or set {KEY_ENV})",
    )


def _key(args: argparse.Namespace) -> str | None:
    """The database key from standard input (first line) or the environment; None for a
    plain database."""
    if getattr(args, "key_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    return os.environ.get(KEY_ENV) or None


def _workspace(args: argparse.Namespace, *, writes: bool = True, on: date | None = None):
    """The caseload named by --db. A command that writes (even only an audit row) first
    has the file quick-checked, so it never writes into a damaged file."""
    from vcs_app.services.workspace import open_workspace

    return open_workspace(args.db, key=_key(args), on=on, verify=writes)


def _warn_unencrypted(ws, what: str) -> None:
    """An export asked for from an encrypted caseload: say, on stderr, that it is not."""
    from vcs_app.services.documents import unencrypted_warning

    warning = unencrypted_warning(ws, what)
    if warning:
        print(f"vcs-desk: warning: {warning}", file=sys.stderr)


# Commands that make or replace a file: it must be named (no default file).
NAMED_FILE = {
    "demo": "it creates a new file",
    "new": "it creates a new file",
    "restore": "it replaces the file",
}


def _db_option(parser: argparse.ArgumentParser) -> None:
    """`--db` after the command, as well as before it (`python main.py --db X due`);
    without either, the window's default file is used (see `run`)."""
    parser.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS, help="database file (default: the window's)"
    )


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as argparse does, minus usage
        print(f"vcs-desk: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    from vcs_app.app import default_db_path

    parser = _Parser(
        # as it was started: `python main.py` in a checkout, `vcs-desk` once installed
        prog="python main.py" if Path(sys.argv[0]).name == "main.py" else "vcs-desk",
        description="VCS Desk: Victim Contact Scheme caseload. With no command, opens the window.",
    )
    parser.add_argument(
        "--db", type=Path, default=None, help=f"database file (default {default_db_path()})"
    )
    _key_option(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("demo", help="create a database of synthetic cases")
    _db_option(p)
    _key_option(p)
    p.add_argument("--victims", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--on", type=_date, default=None, help="treat this date as today")

    p = sub.add_parser("check", help="integrity, schema and audit-chain check (exit 0 ok, 1 not)")
    _db_option(p)
    _key_option(p)

    p = sub.add_parser("backup", help="verified backup of the database into a folder")
    _db_option(p)
    _key_option(p)
    p.add_argument("--to", type=Path, default=None, help="folder (default: the automatic one)")

    p = sub.add_parser("restore", help="replace the database with a verified backup")
    _db_option(p)
    _key_option(p)
    p.add_argument("--from", dest="source", type=Path, required=True, metavar="FILE")

    p = sub.add_parser("due", help="list overdue and due tasks")
    _db_option(p)
    _key_option(p)
    p.add_argument("--on", type=_date, default=None)

    p = sub.add_parser("import", help="import referrals from a CSV file (all or nothing)")
    _db_option(p)
    _key_option(p)
    p.add_argument("file", type=Path, metavar="FILE.csv")
    p.add_argument(
        "--on-match",
        choices=["ask", "merge", "separate"],
        default="ask",
        help="a row matching someone on file: report it (ask), merge, or keep separate",
    )

    p = sub.add_parser(
        "letters", help="produce approved letters (and with --due, the letters due) as PDFs"
    )
    _db_option(p)
    _key_option(p)
    p.add_argument("--out", type=Path, required=True, help="folder for the PDF files")
    p.add_argument("--due", action="store_true", help="also write the letters due for tasks")
    p.add_argument("--on", type=_date, default=None, help="letter date and due date (today)")

    p = sub.add_parser("screenshot", help="save an offscreen picture of a view")
    _db_option(p)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument(
        "--view",
        default="caseload",
        choices=["caseload", "case", "letter_preview", "batch_review", "dashboard"],
    )
    p.add_argument("--size", default="1280x800")
    p = sub.add_parser("report", help="the management report for a period, as PDF or CSV")
    _db_option(p)
    _key_option(p)
    p.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|.csv")
    p.add_argument("--team", default=None, help="only cases of this OM team")
    p.add_argument("--vlo", default=None, help="only cases of this VLO")
    p = sub.add_parser("bench", help="measure interactive operations at 10k and 100k victims")
    p.add_argument(
        "--victims",
        type=int,
        action="append",
        default=None,
        help="database size (repeatable; default 10000 and 100000)",
    )
    p.add_argument("--dir", type=Path, default=Path("bench-data"), help="where databases are kept")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument(
        "--skip-letters-due",
        action="store_true",
        help="leave out `letters --due` (minutes at a million victims)",
    )
    p = sub.add_parser(
        "retention",
        help="list closed cases past the retention period (and with --purge, erase them)",
    )
    _db_option(p)
    _key_option(p)
    p.add_argument("--on", type=_date, default=None, help="as at this date (today)")
    p.add_argument(
        "--purge",
        action="store_true",
        help="erase every listed case for good (a senior VLO's decision: needs --as)",
    )
    p.add_argument(
        "--purge-backups",
        action="store_true",
        help="also delete the backups that still hold erased cases (a fresh one is made)",
    )
    _sign_in_options(p, "a senior VLO's account (needed for --purge)")
    p = sub.add_parser(
        "subject-access", help="everything held about a victim, as a PDF and a CSV bundle"
    )
    _db_option(p)
    _key_option(p)
    p.add_argument(
        "--victim",
        required=True,
        metavar="REF",
        help="a case reference of theirs (VCS-000123) or the victim's number",
    )
    p.add_argument("--out", type=Path, required=True, metavar="DIR")
    p = sub.add_parser(
        "new", help="create an empty caseload file (the window then asks for its first account)"
    )
    _db_option(p)
    _key_option(p)
    p = sub.add_parser(
        "account",
        help="list or manage sign-in accounts, with the role of the OS user's own account",
    )
    p.add_argument("action", choices=["list", "add", "password", "role", "deactivate"])
    p.add_argument("username", nargs="?", help="the account (all but list)")
    _db_option(p)
    _key_option(p)
    p.add_argument("--name", default="", help="the person's name (add)")
    p.add_argument("--role", choices=["vlo", "senior", "admin"], default=None)
    _sign_in_options(p, "an administrator's account (needed once the file has accounts)")
    return parser


def _sign_in_options(parser: argparse.ArgumentParser, who: str) -> None:
    parser.add_argument(
        "--as",
        dest="as_user",
        default=None,
        metavar="USERNAME",
        help=f"sign in as {who}; the password is asked for, or with --password-stdin read"
        " from the next line of standard input (after the key, with --key-stdin)",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read passwords from standard input, one a line, instead of asking",
    )


def run(argv: list[str]) -> int:
    from vcs_app.app import default_db_path

    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    if command not in ("gui", "bench") and args.db is None:
        if command in NAMED_FILE:
            raise DomainError(f"{command} needs --db PATH: {NAMED_FILE[command]}.")
        args.db = default_db_path()
        print(
            f"vcs-desk: using {args.db} (the window's file; --db PATH for another)", file=sys.stderr
        )
    return COMMANDS[command](args)


def cmd_gui(args: argparse.Namespace) -> int:
    from vcs_app.app import DEMO_VICTIMS, default_db_path, display_problem
    from vcs_app.services.backups import backups_of
    from vcs_app.services.demo import create_demo_file

    path = args.db or default_db_path()
    # Only a true first run gets a demo file: a vanished caseload (one with backups, or a
    # file named with --db) is reported by the window, never replaced by a new file.
    key = _key(args)
    if args.db is None and not path.exists() and not backups_of(path):
        print(f"First run: creating a demo database of synthetic cases at {path}")
        create_demo_file(path, victims=DEMO_VICTIMS, key=key)
    problem = display_problem()
    if problem:
        print(f"vcs-desk: {problem}", file=sys.stderr)
        return 2
    from vcs_app.qt.main_window import run_gui

    return run_gui(path, key=key)


def cmd_demo(args: argparse.Namespace) -> int:
    from vcs_app.services.demo import create_demo_file

    if args.victims < 1:
        raise DomainError("--victims must be at least 1")
    started = time.perf_counter()
    summary = create_demo_file(
        args.db, victims=args.victims, seed=args.seed, key=_key(args), on=args.on
    )
    print(
        f"created {args.db}: {summary.victims} victims, {summary.offenders} offenders, "
        f"{summary.liaison_entries + summary.contacts} liaison/contact entries, "
        f"{summary.tasks} tasks in {time.perf_counter() - started:.1f} s"
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Read-only: the file is checked as it is and never changed, not even upgraded."""
    from vcs_app.services.workspace import SCHEMA_VERSION, check_file

    try:
        result = check_file(args.db, key=_key(args))
    except DomainError as exc:
        print(f"problem: {exc}")
        return 1
    problems = result.problems
    if problems:
        print(
            f"problem: {problems[0]}" + (f" (and {len(problems) - 1} more)" if problems[1:] else "")
        )
        return 1
    if result.needs_upgrade:
        print(
            f"ok (schema {result.schema}: it needs upgrading to {SCHEMA_VERSION}, which VCS Desk"
            " does when it next opens it to make a change; check left it as it is)"
        )
        return 0
    print("ok")
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    from vcs_app.services import tasks

    ws = _workspace(args, writes=False, on=args.on)
    try:
        on = ws.today()
        for item in tasks.due_tasks(ws, on=on):
            state = "OVERDUE" if item.due_on < on else "due"
            print(f"{item.due_on.isoformat()}  {item.case_ref}  {state:7}  {item.title}")
    finally:
        ws.close()
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """All or nothing: bad rows are listed by line on stderr (the first 100, then a count)
    and nothing is kept. The file is read as a stream, never whole, and must be a file."""
    from vcs_app.services.referral_import import MatchPolicy, import_referrals

    ws = _workspace(args)
    try:
        report = import_referrals(
            ws, args.file, file_name=args.file.name, policy=MatchPolicy(args.on_match)
        )
    finally:
        ws.close()
    if report.problems:
        for row in report.problems:
            print(f"line {row.line}: {row.message}", file=sys.stderr)
        listed = "listed above by line"
        if report.problems_not_kept:
            listed = f"the first {len(report.problems)} listed above by line"
        print(
            f"nothing imported: {report.problem_count:,} of {report.row_count:,} rows have "
            f"problems ({listed}); the database is unchanged",
            file=sys.stderr,
        )
        return 1
    print(
        f"imported {report.imported:,} referrals from {args.file.name} ({report.encoding})"
        f" in {report.seconds:.1f} s"
    )
    return 0


def cmd_letters(args: argparse.Namespace) -> int:
    """Letters due (with --due) are checked and approved as one batch, then every approved
    letter is written to --out as <case ref>_<letter>.pdf and logged; blocked ones are
    listed with their reasons. Interrupted, it leaves each letter produced or not, and the
    next run finishes the rest."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # text layout, never a window
    from vcs_app.services import letters

    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(f"cannot use {args.out} for the letters: {exc.strerror}") from exc
    ws = _workspace(args, on=args.on)
    try:
        _warn_unencrypted(ws, f"each letter written to {args.out}")
        on = ws.today()
        blocked: list[tuple[str, str, tuple[str, ...]]] = []
        if args.due:
            review = letters.review_due(ws, on=on)
            blocked += [(d.case_ref, d.template_key, d.reasons) for d in review.blocked]
            if review.ready:
                letters.approve_batch(ws, review)
        result = letters.produce_batch(ws, folder=args.out, flat_names=True, on=on)
        for letter_id, reasons in result.blocked:
            record = letters.get_letter(ws, letter_id)
            ref, _ = letters.case_summary(ws, record.link_id)
            blocked.append((ref, record.template, reasons))
        for ref, key, reasons in blocked:
            why = " ".join(r.removeprefix("Blocked: ") for r in reasons)
            print(f"blocked  {ref}  {key}  {why}")
        print(f"{len(result.produced)} letters written, {len(blocked)} blocked")
    finally:
        ws.close()
    if result.error:
        print(f"vcs-desk: stopped: {result.error}", file=sys.stderr)
        return 1
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from vcs_app.qt.main_window import screenshot

    try:
        width, height = (int(x) for x in args.size.lower().split("x"))
    except ValueError as exc:
        raise DomainError(f"--size '{args.size}' should look like 1280x800") from exc
    if args.view in ("letter_preview", "batch_review"):
        from vcs_app.qt.views.batch_letters import screenshot_letters

        screenshot_letters(args.db, args.out, view=args.view, size=(width, height))
    else:
        screenshot(args.db, args.out, view=args.view, size=(width, height))
    print(f"saved {args.out}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from vcs_app import bench

    sizes = sorted(set(args.victims or [10_000, 100_000]))
    skip = ("letters-due",) if args.skip_letters_due else ()
    return bench.run(sizes, args.dir, args.json, skip=skip)


def cmd_backup(args: argparse.Namespace) -> int:
    from vcs_app.services import backups

    ws = _workspace(args)
    try:
        done = backups.back_up(ws, args.to, keep_rotation=args.to is None)
    finally:
        ws.close()
    removed = f"; {len(done.removed)} older backup(s) rotated out" if done.removed else ""
    print(
        f"backed up to {done.backup.path} ({done.backup.size:,} bytes, integrity checked)"
        f" in {done.seconds:.1f} s{removed}"
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from vcs_app.services import backups

    done = backups.restore(args.db, args.source, key=_key(args))
    kept = f"; the replaced file is kept at {done.kept}" if done.kept else ""
    print(f"restored {args.db} from {done.restored_from}{kept}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """The summary (counts only) to PDF or CSV; the export is logged as a disclosure."""
    from vcs_app.services import reports

    filt = reports.ReportFilter(args.start, args.end, args.team, args.vlo)
    ws = _workspace(args)
    try:
        _warn_unencrypted(ws, f"the report {args.out}")
        out = reports.export_report(ws, reports.build_report(ws, filt), args.out)
    finally:
        ws.close()
    print(f"Report for {filt.describe()} saved to {out}")
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    """The review list; with --purge (a senior VLO signed in with --as) those cases are
    erased for good, and the backups that still hold them are named."""
    from vcs_app.services import accounts, retention

    if (args.purge or args.purge_backups) and not args.as_user:
        raise DomainError("retention --purge needs a senior VLO's sign-in: add --as USERNAME")
    ws = _workspace(args, on=args.on)
    try:
        if args.as_user:
            password = _read_password(args, f"Password of {args.as_user}: ")
            accounts.sign_in_headless(ws, args.as_user, password)
        due = retention.cases_due_for_review(ws)
        purged = retention.purge_cases(ws, [c.link_id for c in due]) if args.purge and due else None
        holding = retention.backups_holding_erased(ws) if args.purge_backups else []
        if holding:
            retention.erase_backups(ws, holding)
    finally:
        ws.close()
    if args.purge:
        _print_purge(purged)
    if args.purge_backups:
        print(f"deleted {len(holding)} backup(s) that held erased cases")
    if args.purge or args.purge_backups:
        return 0
    for case in due:
        print(
            f"{case.ref}  {case.status:8}  last changed {case.last_changed[:10]}  "
            f"{case.victim_name}"
            + (f"  (victim has {case.other_cases} other case(s))" if case.other_cases else "")
        )
    print(f"{len(due)} closed case(s) past the {retention.retention_years()}-year retention period")
    return 0


def cmd_subject_access(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # text layout, never a window
    from vcs_app.letters.print_adapter import ensure_app
    from vcs_app.services import subject_access

    ensure_app()
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DomainError(f"cannot use {args.out} for the export: {exc.strerror}") from exc
    ws = _workspace(args)
    try:
        _warn_unencrypted(ws, f"the export in {args.out}")
        victim_id = subject_access.victim_named(ws, args.victim)
        done = subject_access.export_subject_access(ws, victim_id, args.out)
    finally:
        ws.close()
    print(f"{done.records} records ({done.kinds} kinds) written to {done.pdf} and {done.bundle}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from vcs_app.services.workspace import open_workspace

    if args.db.exists():
        raise DomainError(f"{args.db} already exists; choose a new file name.")
    open_workspace(args.db, create=True, key=_key(args)).close()
    print(f"created {args.db}: open it with `python main.py --db {args.db}` to set it up")
    return 0


def _print_purge(purged) -> None:
    if purged is None:
        print("nothing to erase: no closed case is past the retention period")
        return
    print(
        f"erased {purged.cases} case(s), {purged.victims} victim(s), {purged.offenders}"
        f" offender(s): {purged.rows} rows and {purged.files_deleted} kept file(s)"
    )
    for line in purged.warnings:
        print(f"warning: {line}")
    if purged.backups_holding:
        print("run again with --purge-backups to delete those backups")


def _read_password(args: argparse.Namespace, prompt: str) -> str:
    """One password: a line of standard input (--password-stdin) or asked for. Read up
    to just past the longest password allowed, so a pasted novel costs nothing."""
    from vcs_app.domain.accounts import MAX_PASSWORD_LENGTH

    if args.password_stdin:
        return sys.stdin.readline(MAX_PASSWORD_LENGTH + 2).rstrip("\r\n")
    import getpass

    return getpass.getpass(prompt)


def cmd_account(args: argparse.Namespace) -> int:
    """Accounts from the command line. It runs as the real OS user (audited under that
    name) with a VLO's rights; every change after the first account needs an account's
    sign-in (`--as`, its password first on standard input): an administrator's, or your
    own to change your own password."""
    from vcs_app.domain.model import Role
    from vcs_app.services import accounts

    if args.action != "list" and not args.username:
        raise DomainError(f"account {args.action} needs the username")
    ws = _workspace(args)
    try:
        signed_in = ""
        if args.as_user:
            signed_in = _read_password(args, f"Password of {args.as_user}: ")
            accounts.sign_in_headless(ws, args.as_user, signed_in)
        elif args.action != "list" and accounts.has_accounts(ws):
            raise DomainError(
                f"account {args.action} needs an administrator's sign-in: add --as USERNAME"
                " (their password is asked for, or read from standard input)"
            )
        if args.action == "list":
            for a in accounts.list_accounts(ws):
                last = f"last signed in {a.last_sign_in:%Y-%m-%d %H:%M}" if a.last_sign_in else ""
                state = "active" if a.active else "deactivated"
                print(f"{a.username}  {a.role.value:6}  {state:11}  {a.display_name}  {last}")
        elif args.action == "add":
            password = _read_password(args, f"Password for {args.username}: ")
            accounts.create_account(
                ws, args.username, args.name, Role(args.role or "vlo"), password
            )
            print(f"account {args.username} added")
        elif args.action == "password":
            target = accounts.find_account(ws, args.username)
            own = args.as_user and target is not None and target.username == ws.user
            old = signed_in if own else None  # the password just signed in with
            new = _read_password(args, f"New password for {args.username}: ")
            accounts.change_password(ws, args.username, new, old_password=old)
            print(f"password of {args.username} changed")
        elif args.action == "role":
            if args.role is None:
                raise DomainError("account role needs --role vlo, senior or admin")
            accounts.set_role(ws, args.username, Role(args.role))
            print(f"{args.username} is now {args.role}")
        else:
            accounts.deactivate(ws, args.username)
            print(f"account {args.username} deactivated")
    finally:
        ws.close()
    return 0


COMMANDS = {
    "gui": cmd_gui,
    "account": cmd_account,
    "new": cmd_new,
    "demo": cmd_demo,
    "check": cmd_check,
    "due": cmd_due,
    "import": cmd_import,
    "letters": cmd_letters,
    "screenshot": cmd_screenshot,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "bench": cmd_bench,
    "report": cmd_report,
    "retention": cmd_retention,
    "subject-access": cmd_subject_access,
}
