#!/usr/bin/env python3
"""Measures what one small article costs, process start included (issue 15).

Target: `copydesk lint --format json --fail-on never ARTICLE` on one ~5 KB
article takes under 15 ms of CPU and at most 2x `copydesk --version`.

It runs each command many times and prints the median CPU time (user + sys,
from the kernel's wait4 rusage) and the ratio of the lint to --version. CPU
time is less sensitive than wall time to a busy machine, yet other processes
on the cores still show in it: compare figures from one run of this script.

The article is the PolNeAR train article whose size is nearest 5,000 bytes,
read at run time from ../shared and copied to a temporary directory (never
into the repository), unless --article names one.

usage: scripts/bench-startup.py [--copydesk PATH] [--runs N] [--article FILE]
                                [--shared DIR] [-- EXTRA LINT ARGS]

The binary is --copydesk, else $COPYDESK_BIN, else .build/release/copydesk
after `swift build -c release` in the repository root.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET_MS = 15.0
TARGET_RATIO = 2.0


def die(message):
    print(f"bench-startup: {message}", file=sys.stderr)
    sys.exit(1)


def cpu_seconds(cmd, cwd):
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        die(f"{' '.join(cmd)} exited {code}: {proc.stderr.read()[-2000:].decode('utf-8', 'replace')}")
    proc.stderr.close()
    return usage.ru_utime + usage.ru_stime


def nearest_article(shared, size=5000):
    folder = os.path.join(shared, "corpora", "polnear", "train")
    if not os.path.isdir(folder):
        die(f"no corpus at {folder}: pass --shared or --article")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    return min((os.path.join(folder, n) for n in names),
               key=lambda p: (abs(os.path.getsize(p) - size), p))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copydesk", default=os.environ.get("COPYDESK_BIN") or
                        os.path.join(ROOT, ".build", "release", "copydesk"))
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--article")
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("extra", nargs="*")
    args = parser.parse_args()
    copydesk = os.path.abspath(args.copydesk)
    if not os.access(copydesk, os.X_OK):
        die(f"no executable at {copydesk}")

    source = args.article or nearest_article(args.shared)
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        article = os.path.join(scratch, "article.md")
        shutil.copyfile(source, article)
        commands = {
            "--version": [copydesk, "--version"],
            "lint": [copydesk, "lint", "--format", "json", "--fail-on", "never"] + args.extra + [article],
        }
        samples = {name: [] for name in commands}
        # Interleaved, so that a burst of load elsewhere weighs on both alike.
        for _ in range(args.runs):
            for name, cmd in commands.items():
                samples[name].append(cpu_seconds(cmd, scratch))

    version = statistics.median(samples["--version"]) * 1000
    lint = statistics.median(samples["lint"]) * 1000
    ratio = lint / version if version else float("inf")
    print(f"article: {os.path.basename(source)} ({os.path.getsize(source):,} bytes), {args.runs} runs each")
    print(f"--version  median {version:6.2f} ms CPU")
    print(f"lint       median {lint:6.2f} ms CPU   (target < {TARGET_MS:g} ms: {'met' if lint < TARGET_MS else 'MISSED'})")
    print(f"ratio      {ratio:.2f}x              (target <= {TARGET_RATIO:g}x: {'met' if ratio <= TARGET_RATIO else 'MISSED'})")


if __name__ == "__main__":
    main()
