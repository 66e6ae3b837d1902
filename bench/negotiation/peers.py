#!/usr/bin/env python3
"""The negotiation benchmark's peers: the same word-level diffs as Accord's
redline, on the same node pairs, with Python's difflib (SequenceMatcher) and
Google's diff-match-patch (words mapped to characters, as its line mode does).

    peers.py --pairs pairs.json --accord accord.json [--rounds R]
"""
import argparse
import difflib
import json
import re
import statistics
import sys
import time

from diff_match_patch import diff_match_patch

# Accord's tokens: runs of letters and digits, runs of white space, any other
# single character (crates/domain/src/negotiation/words.rs).
TOKEN = re.compile(r"[^\W_]+|\s+|.", re.S)


def tokens(text):
    return TOKEN.findall(text)


def run_difflib(pairs):
    changed = 0
    for a, b in pairs:
        if a == b:
            continue
        ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        changed += sum(1 for op in ops if op[0] != "equal")
    return changed


def run_dmp(pairs, dmp):
    changed = 0
    for a, b in pairs:
        if a == b:
            continue
        # Each distinct token becomes one character, as linesToChars does.
        table = {}
        enc = lambda ts: "".join(table.setdefault(t, chr(0x100 + len(table))) for t in ts)
        ea, eb = enc(a), enc(b)
        diffs = dmp.diff_main(ea, eb, False)
        changed += sum(1 for op, _ in diffs if op != 0)
    return changed


def timed(fn, rounds):
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    p50 = statistics.median(samples)
    p99 = samples[min(len(samples) - 1, round((len(samples) - 1) * 0.99))]
    return p50, p99


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", required=True)
    ap.add_argument("--accord", required=True)
    ap.add_argument("--rounds", type=int, default=None)
    args = ap.parse_args()
    accord = json.load(open(args.accord))
    rounds = args.rounds or accord["rounds"]
    raw = json.load(open(args.pairs))
    # Tokenising is part of the work for all three (Accord tokenises inside its redline).
    pairs_text = [(a, b) for a, b in raw]
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # exact, like the others

    def with_tokens(fn):
        return lambda: fn([(tokens(a), tokens(b)) if a != b else (a, b) for a, b in pairs_text])

    d50, d99 = timed(with_tokens(run_difflib), rounds)
    m50, m99 = timed(with_tokens(lambda p: run_dmp(p, dmp)), rounds)
    changed = sum(1 for a, b in pairs_text if a != b)
    print(f"redline of {len(pairs_text)} node texts ({changed} changed), {rounds} timed runs each")
    print(f"{'engine':<34}{'p50':>10}{'p99':>10}{'Accord is':>14}")
    r50 = accord["redline_p50_ms"]
    print(f"{'Accord redline (Rust)':<34}{r50:>8.2f}ms{accord['redline_p99_ms']:>8.2f}ms{'':>14}")
    print(f"{'difflib SequenceMatcher (Python)':<34}{d50:>8.2f}ms{d99:>8.2f}ms{d50 / r50:>12.1f}x")
    print(f"{'diff-match-patch (Python)':<34}{m50:>8.2f}ms{m99:>8.2f}ms{m50 / r50:>12.1f}x")
    print(f"compilation text (compile + render HTML): p50 {accord['compile_p50_ms']:.2f} ms, p99 {accord['compile_p99_ms']:.2f} ms")
    goals = [
        ("compilation under 50 ms", accord["compile_p50_ms"] < 50),
        ("redline under 10 ms", r50 < 10),
        ("redline at least 50x faster than difflib", d50 / r50 >= 50),
    ]
    for name, ok in goals:
        print(f"goal: {name}: {'met' if ok else 'MISSED'}")


if __name__ == "__main__":
    sys.exit(main())
