#!/usr/bin/env python3
"""The defaults on history they were not fitted to: every fresh set of crises the calibration
rounds measured before the set joined the library (docs/MODEL.md 6.2).

Each row of docs/fresh-history.tsv is one set as docs/CALIBRATION-RECORD.md records it: the round, the
crises coded, the passes of the defaults then in force summed over the seeds (200 runs a case),
and, where the round gave them, the passes split by kind (patterns with a lower bound, which say
something happened, and the others) and a model that never acts. The defaults in force had been
fitted without the set, so each row is a prospective test; together they are the project's
record of out-of-sample performance, beside the library's cross-validation.

Prints the pass rate over all sets, the ICB-era rounds (before the thirtieth) and the news-record
frames apart, with a 95 % interval by resampling sets (the crises of one set share their coder
and their defaults, so the set is the unit), and the kinds and the never-acting model over the
sets that give them.

Given `crisis validate scenarios/cases/ --format csv` tables of a model that never acts (one a
seed, the seeds the rounds used: 1 to 3), it also scores that model on each set's patterns, as
the files now stand, with docs/fresh-history-cases.tsv naming each set's case files; the command
for one seed is

    ./crisis validate scenarios/cases/ --seed 1 --format csv \
        --set parameters.thresholdProtest=5 --set parameters.thresholdSummon=5 \
        --set parameters.thresholdRecall=5 --set parameters.thresholdExpel=5 \
        --set parameters.thresholdSever=5 --set parameters.thresholdSanction=5 \
        --set parameters.thirdParties=false --set parameters.mediation=false > never-1.csv

Usage: scripts/fresh-history.py [--never never-1.csv never-2.csv never-3.csv]
"""
import csv
import os
import random
import sys


def number(text):
    return float(text) if text.strip() else None


def interval(sets, draws=10000, seed=1):
    rng = random.Random(seed)
    rates = []
    for _ in range(draws):
        sample = [rng.choice(sets) for _ in sets]
        rates.append(sum(s[0] for s in sample) / sum(s[1] for s in sample))
    rates.sort()
    return rates[int(0.025 * draws)], rates[int(0.975 * draws) - 1]


def line(label, sets):
    passes = sum(s[0] for s in sets)
    total = sum(s[1] for s in sets)
    low, high = interval(sets)
    print(f"{label}: {passes:.0f} of {total:.0f} ({100 * passes / total:.1f} %, {100 * low:.1f}-{100 * high:.1f} %),"
          f" {len(sets)} sets")


def never_acting(tables, docs, rows):
    """Passes of a model that never acts on each set's patterns, by kind, from validate tables."""
    with open(os.path.join(docs, "fresh-history-cases.tsv"), newline="", encoding="utf-8") as f:
        round_of = {r["file"][:-len(".yaml")]: r["round"] for r in csv.DictReader(f, delimiter="\t")}
    if len(tables) != 3:
        print(f"warning: {len(tables)} tables given; the rounds used seeds 1 to 3, so the counts below are not"
              " comparable with the defaults' unless the tables are those three seeds", file=sys.stderr)
    tally = {}  # (round, kind) -> [passes, evaluations]
    for table in tables:
        seen = set()
        with open(table, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["case"] not in round_of:
                    continue
                seen.add(r["case"])
                kind = "lower" if r["min"].strip() and float(r["min"]) > 0 else "other"
                cell = tally.setdefault((round_of[r["case"]], kind), [0, 0])
                cell[0] += r["result"] == "pass"
                cell[1] += 1
        absent = sorted(set(round_of) - seen)
        if absent:
            print(f"warning: {table} has no row of {len(absent)} of the sets' cases (the first: {absent[0]}):"
                  " is it the whole library's table?", file=sys.stderr)
    for label, keep in (("all sets", lambda r: True), ("ICB-era rounds (9-28)", lambda r: int(r) < 30),
                        ("news-record frames (rounds 30 on)", lambda r: int(r) >= 30)):
        cells = [v for (r, k), v in tally.items() if keep(r)]
        defaults = [(number(r["defaults_passes"]), number(r["evaluations"])) for r in rows if keep(r["round"])]
        passes, total = sum(c[0] for c in cells), sum(c[1] for c in cells)
        print(f"the tables' model (never acting, if made as above), {label}: {passes} of {total}"
              f" ({100 * passes / max(total, 1):.1f} %; the defaults then in force:"
              f" {sum(d[0] for d in defaults):.0f} of {sum(d[1] for d in defaults):.0f})")
    split = {r["round"] for r in rows if r["lower_bound_passes"].strip()}
    for kind, label in (("lower", "with a lower bound"), ("other", "the others")):
        cells = [v for (r, k), v in tally.items() if k == kind and r in split]
        passes, total = sum(c[0] for c in cells), sum(c[1] for c in cells)
        print(f"the tables' model, {label}, on the {len(split)} sets that split them: {passes} of {total}"
              f" ({100 * passes / max(total, 1):.1f} %)")


def refuse(message):
    """Bad input: says why on stderr and exits with status 2, as the project's commands do."""
    print(f"fresh-history.py: {message}", file=sys.stderr)
    sys.exit(2)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    docs = os.path.join(here, "..", "docs")
    args = sys.argv[1:]
    if "-h" in args or "--help" in args:
        print(__doc__.strip())
        return
    tables = args[args.index("--never") + 1:] if "--never" in args else []
    if "--never" in args and not tables:
        refuse("--never needs the validate tables (one a seed, 1 to 3)")
    unknown = [a for a in args if a != "--never" and a not in tables]
    if unknown:
        refuse(f"unknown argument {unknown[0]}; usage: fresh-history.py [--never T1 T2 T3]")
    missing = [t for t in tables if not os.path.isfile(t)]
    if missing:
        refuse(f"{missing[0]}: no such file (make the tables as --help says)")
    with open(os.path.join(docs, "fresh-history.tsv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    crises = sum(int(r["crises"]) for r in rows)
    print(f"{len(rows)} fresh sets, {crises} crises, measured at the defaults in force before each joined the library")
    every = [(number(r["defaults_passes"]), number(r["evaluations"])) for r in rows]
    line("all sets", every)
    line("ICB-era rounds (9-28)", [(number(r["defaults_passes"]), number(r["evaluations"])) for r in rows if int(r["round"]) < 30])
    line("news-record frames (rounds 30 on)",
         [(number(r["defaults_passes"]), number(r["evaluations"])) for r in rows if int(r["round"]) >= 30])
    split = [r for r in rows if r["lower_bound_passes"].strip()]
    line("  with a lower bound (something happened)",
         [(number(r["lower_bound_passes"]), number(r["lower_bound_evaluations"])) for r in split])
    line("  the others, on the same sets", [(number(r["others_passes"]), number(r["others_evaluations"])) for r in split])
    never = [r for r in rows if r["never_acting_passes"].strip()]
    print(f"as the rounds recorded it, a model that never acts, on the {len(never)} sets that give it: "
          f"{sum(number(r['never_acting_passes']) for r in never):.0f} of {sum(number(r['evaluations']) for r in never):.0f};"
          f" the defaults {sum(number(r['defaults_passes']) for r in never):.0f}")
    if tables:
        never_acting(tables, docs, rows)


if __name__ == "__main__":
    main()
