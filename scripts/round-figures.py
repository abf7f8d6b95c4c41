#!/usr/bin/env python3
"""The figures a calibration round records about the library (docs/CALIBRATION.md, "Measuring the
defaults on a fresh frame", steps 5 and 6), from the tables the commands write.

Two uses:

    python3 scripts/round-figures.py compare BEFORE.csv AFTER.csv [--known scenarios/cases/known-failures.txt]

BEFORE.csv and AFTER.csv are `crisis validate scenarios/cases/ --seed 1 --format csv` tables, the
first made with the build and library from before a frame's files joined, the second after. It
prints the patterns whose result changed (with their shares), how many shares moved and by how many
runs (each case's `runs`, the table's runs column where there is one, else --runs, default 200), the
patterns new in AFTER, and, with --known, whether the failing rows of AFTER are exactly the file's.

    python3 scripts/round-figures.py held-out OUT/folds.csv

folds.csv is a `crisis calibrate --folds K` output. It prints the held-out passes in all and by fold,
by kind (patterns with a lower bound above 0, which record that something happened, and the others)
with the balanced rate, the held-out misses with a lower bound and how many of them sit at a share of
0, and the restorations held out, read by the patterns' names (those containing restor, resum or
back), the filter the calibration record has used since the hundred-and-thirty-eighth round.

Exit status 0, or 1 after `compare --known` when the failing rows and the file differ, or 2 on a
usage error or an unreadable table.
"""
import csv
import re
import sys
from collections import Counter, defaultdict

RESTORATION = re.compile(r"restor|resum|back")


def refuse(message):
    sys.stderr.write(f"round-figures.py: {message}\n")
    sys.exit(2)


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def read_table(path, needed):
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        refuse(f"{path}: {e.strerror}")
    if not rows:
        refuse(f"{path}: no rows")
    missing = [c for c in needed if c not in rows[0]]
    if missing:
        refuse(f"{path}: no column {missing[0]} (is it the right table?)")
    return rows


def passed(row):
    return row["result"] == "pass"


def records_something(row):
    low = number(row["min"])
    return low is not None and low > 0


def percent(part, whole):
    return f"{100 * part / whole:.1f} %" if whole else "–"


def compare(args):
    known = None
    runs = 200
    files = []
    i = 0
    while i < len(args):
        if args[i] in ("--known", "--runs"):
            if i + 1 >= len(args):
                refuse(f"{args[i]} needs a value")
            if args[i] == "--known":
                known = args[i + 1]
            else:
                try:
                    runs = int(args[i + 1])
                except ValueError:
                    runs = 0
                if runs < 1:
                    refuse(f"--runs must be a whole number above 0, not {args[i + 1]!r}")
            i += 2
        elif args[i].startswith("--"):
            refuse(f"unknown option {args[i]}")
        else:
            files.append(args[i])
            i += 1
    if len(files) != 2:
        refuse("compare needs two validate tables, BEFORE.csv and AFTER.csv")
    columns = ("case", "pattern", "min", "max", "observed", "result")
    before = {(r["case"], r["pattern"]): r for r in read_table(files[0], columns)}
    after = {(r["case"], r["pattern"]): r for r in read_table(files[1], columns)}
    changed = [k for k in after if k in before and before[k]["result"] != after[k]["result"]]
    for key in sorted(changed):
        b, a = before[key], after[key]
        bounds = f"[{a['min'] or 0}, {a['max'] or 1}]"
        print(f"changed: {key[0]}/{key[1]} {b['result']} -> {a['result']} (share {b['observed']} -> {a['observed']}, bounds {bounds})")
    moved = []
    for key, a in after.items():
        b = before.get(key)
        if b is None or b["observed"] == a["observed"]:
            continue
        x, y = number(b["observed"]), number(a["observed"])
        if x is None or y is None:
            continue
        n = number(a.get("runs")) or runs
        moved.append((round(abs(x - y) * n), key))
    by_runs = Counter(m for m, _ in moved)
    cases = {k[0] for _, k in moved}
    print(f"shares moved: {len(moved)} patterns in {len(cases)} cases;"
          f" by runs: {', '.join(f'{m}: {c}' for m, c in sorted(by_runs.items()))}")
    for m, key in sorted(moved, reverse=True)[:3]:
        print(f"  largest: {key[0]}/{key[1]} by {m} runs")
    new = [k for k in after if k not in before]
    gone = [k for k in before if k not in after]
    print(f"patterns new in AFTER: {len(new)}, of which {sum(passed(after[k]) for k in new)} pass;"
          f" patterns only in BEFORE: {len(gone)}")
    if known is None:
        return 0
    try:
        with open(known, encoding="utf-8") as f:
            listed = {line.split()[0] for line in f if line.strip() and not line.startswith("#")}
    except OSError as e:
        refuse(f"{known}: {e.strerror}")
    failing = {f"{k[0]}/{k[1]}" for k, r in after.items() if not passed(r)}
    extra, stale = sorted(failing - listed), sorted(listed - failing)
    print(f"failing in AFTER: {len(failing)}; listed in {known}: {len(listed)}")
    for name in extra:
        print(f"  fails but not listed: {name}")
    for name in stale:
        print(f"  listed but passes: {name}")
    return 1 if extra or stale else 0


def held_out(args):
    if len(args) != 1:
        refuse("held-out needs one folds.csv")
    rows = read_table(args[0], ("fold", "case", "pattern", "sample", "min", "observed", "result"))
    rows = [r for r in rows if r["sample"] == "out"]
    if not rows:
        refuse(f"{args[0]}: no held-out rows (sample 'out')")
    total = sum(passed(r) for r in rows)
    print(f"held out: {total} of {len(rows)} ({percent(total, len(rows))})")
    folds = defaultdict(lambda: [0, 0])
    for r in rows:
        folds[r["fold"]][0] += passed(r)
        folds[r["fold"]][1] += 1
    print("by fold: " + ", ".join(f"{p}/{n}" for _, (p, n) in sorted(folds.items(), key=lambda x: int(x[0]))))
    lower = [r for r in rows if records_something(r)]
    others = [r for r in rows if not records_something(r)]
    lp, op = sum(passed(r) for r in lower), sum(passed(r) for r in others)
    balanced = (lp / len(lower) + op / len(others)) / 2 if lower and others else float("nan")
    print(f"with a lower bound: {lp} of {len(lower)} ({percent(lp, len(lower))}); others: {op} of {len(others)}"
          f" ({percent(op, len(others))}); balanced {100 * balanced:.1f} %")
    misses = [r for r in lower if not passed(r)]
    at_zero = sum(1 for r in misses if number(r["observed"]) == 0)
    print(f"held-out misses with a lower bound: {len(misses)}, {at_zero} of them at a share of 0")
    restored = [r for r in rows if RESTORATION.search(r["pattern"])]
    rl = [r for r in restored if records_something(r)]
    ro = [r for r in restored if not records_something(r)]
    print(f"restorations (names with restor, resum or back): {sum(passed(r) for r in rl)} of {len(rl)} with a lower bound,"
          f" {sum(passed(r) for r in ro)} of {len(ro)} others")
    return 0


def main(argv):
    if len(argv) < 2 or any(a in ("-h", "--help") for a in argv[1:]):
        print(__doc__.strip())
        return 0
    if argv[1] == "compare":
        return compare(argv[2:])
    if argv[1] == "held-out":
        return held_out(argv[2:])
    refuse(f"unknown use {argv[1]}; run with --help")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
