"""The command line's arguments: ``evalrules [--block P] check | extract | rules | rule | plugins``."""

from __future__ import annotations

import argparse

from evalrules import __version__

__all__ = ["parser"]


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Options that may stand before or after the sub-command (``evalrules --block x check`` and
    ``evalrules check --block x``): the top level and each sub-command keep them apart."""
    prefix = "top_" if top else ""
    parser.add_argument(
        "--block",
        action="append",
        default=[],
        dest=f"{prefix}block",
        metavar="PLUGIN",
        help="do not load (or import) this plugin; repeatable",
    )
    parser.add_argument(
        "--debug", action="store_true", dest=f"{prefix}debug", help="show the traceback of an internal error"
    )


def _check_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser("check", help="check reports (files, folders, or - for standard input)")
    _global_options(check, top=False)
    check.add_argument("files", nargs="+", metavar="PATH", help="a report, a folder of reports, or - (stdin)")
    check.add_argument(
        "--ruleset", help="ruleset name or path to a TOML file (default: chosen by the report's region and kind)"
    )
    check.add_argument("--select", action="append", metavar="CODE", help="report only these code prefixes")
    check.add_argument("--ignore", action="append", metavar="CODE", help="do not report these code prefixes")
    check.add_argument("--extend-select", action="append", metavar="CODE", help="add to the configured select")
    check.add_argument("--extend-ignore", action="append", metavar="CODE", help="add to the configured ignore")
    check.add_argument("--include", action="append", metavar="GLOB", help="in folders, check only files matching")
    check.add_argument("--exclude", action="append", metavar="GLOB", help="in folders, skip files matching")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name (and suffix) of the report read from -")
    check.add_argument("--format", default="text", help="text, json, jsonl, sarif, junit, github, or a plugin's")
    check.add_argument("--output-file", "-o", metavar="FILE", help="write the results to FILE")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when errors are found")
    check.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: cores, for batches)")
    check.add_argument("--timeout", type=float, default=None, metavar="S", help="time budget per file in seconds")
    check.add_argument("--statistics", action="store_true", help="count the findings per code")
    check.add_argument("--show-passed", action="store_true", help="also list the relations that hold")
    check.add_argument(
        "--show-info", action="store_true", help="also list hints (提示): gaps the written precision explains"
    )
    loudness = check.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="print the findings only")
    loudness.add_argument("-v", "--verbose", action="store_true", help="also list the relations that hold")
    check.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="evalrules", description="检查绩效自评报告中的数字与规则")
    top.add_argument("--version", action="version", version=f"evalrules {__version__}")
    _global_options(top, top=True)
    sub = top.add_subparsers(dest="command", required=True)
    _check_parser(sub)

    ext = sub.add_parser("extract", help="print the facts read from a report")
    _global_options(ext, top=False)
    ext.add_argument("file", metavar="FILE")
    ext.add_argument("--format", choices=("text", "json"), default="text")

    rules = sub.add_parser("rules", help="list every rule, its type and source")
    _global_options(rules, top=False)
    rules.add_argument("--ruleset", help="only this ruleset (name or path)")
    rules.add_argument("--format", choices=("text", "markdown"), default="text")

    rule = sub.add_parser("rule", help="explain one rule: what it checks, why, and an example")
    _global_options(rule, top=False)
    rule.add_argument("code", metavar="CODE")
    rule.add_argument("--ruleset", help="look in this ruleset (default: every installed one)")

    plugins = sub.add_parser("plugins", help="list plugins, versions and what they provide")
    _global_options(plugins, top=False)
    return top
