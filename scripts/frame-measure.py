#!/usr/bin/env python3
"""The measure of a fresh frame (docs/CALIBRATION-RECORD.md, the recent rounds' rule: "at 200 runs a
case on seeds 1 to 3 ... summed over the frame's new patterns"): the defaults and a model that never
acts, on a frame's new case files.

For each of the two models the script runs `crisis validate FILE... --seed S --runs 200 --format csv`
for S = 1, 2, 3 and prints the pattern-seeds passed, those with a lower bound above 0 (the patterns
that record something happened) and the others, the balanced rate of the two kinds, and the Brier
score of the shares over the patterns with one bound, beside the frame's base rate (the score of
every share at the share of those patterns that record something happened). Then every miss, a line
each. The model that never acts is the defaults with every threshold of the ladder at 5 and neither
third parties nor mediation, as scripts/fresh-history.py makes it.

Run it with the build from before the frame joins the library (the rounds' rule: "with the library
and table as they stand before the frame joins"), given as a jar:

    python3 scripts/frame-measure.py --jar crisis-before.jar new/*.yaml

To measure a set of values other than the defaults (a candidate for them), give each with --set,
as validate takes it; both models then start from those values:

    python3 scripts/frame-measure.py --jar crisis.jar --set parameters.faceHalfLife=90 new/*.yaml

Options: --jar JAR (default target/crisis.jar beside this script's project), --seeds 1,2,3,
--runs 200, --set PATH=VALUE (repeatable). Exit status 0 when it printed, 2 on bad input (no files, a missing jar or file, a
validate run that refused its input).
"""

import csv
import io
import os
import subprocess
import sys

NEVER = ['--set', 'parameters.thresholdProtest=5', '--set', 'parameters.thresholdSummon=5',
         '--set', 'parameters.thresholdRecall=5', '--set', 'parameters.thresholdExpel=5',
         '--set', 'parameters.thresholdSever=5', '--set', 'parameters.thresholdSanction=5',
         '--set', 'parameters.thirdParties=false', '--set', 'parameters.mediation=false']
USAGE = 'usage: frame-measure.py [--jar JAR] [--seeds 1,2,3] [--runs N] [--set PATH=VALUE]... FILE ...'


def fail(message):
    print(f'frame-measure.py: {message}; {USAGE}', file=sys.stderr)
    sys.exit(2)


def arguments(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    options = {'jar': os.path.join(here, '..', 'target', 'crisis.jar'), 'seeds': '1,2,3', 'runs': '200'}
    files = []
    sets = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ('-h', '--help'):
            print(__doc__.strip())
            sys.exit(0)
        if arg in ('--jar', '--seeds', '--runs', '--set'):
            if i + 1 >= len(argv):
                fail(f'{arg} needs a value')
            if arg == '--set':
                if '=' not in argv[i + 1]:
                    fail(f'--set takes PATH=VALUE, not {argv[i + 1]}')
                sets += ['--set', argv[i + 1]]
            else:
                options[arg[2:]] = argv[i + 1]
            i += 2
            continue
        if arg.startswith('--'):
            fail(f'unknown option {arg}')
        files.append(arg)
        i += 1
    if not files:
        fail('no case files given')
    for f in files:
        if not os.path.isfile(f):
            fail(f'{f}: no such file')
    if not os.path.isfile(options['jar']):
        fail(f"{options['jar']}: no such jar (build it with mvn -DskipTests package)")
    try:
        seeds = [int(s) for s in options['seeds'].split(',')]
        runs = int(options['runs'])
    except ValueError:
        fail('--seeds takes whole numbers separated by commas, --runs a whole number')
    if runs < 1 or not seeds:
        fail('--runs must be at least 1 and --seeds name one seed or more')
    return options['jar'], seeds, runs, files, sets


def validate(jar, files, seed, runs, extra):
    try:
        done = subprocess.run(['java', '-jar', jar, 'validate', *files, '--seed', str(seed), '--runs', str(runs),
                               '--format', 'csv', *extra], capture_output=True, text=True)
    except OSError as e:
        fail(f'cannot run java: {e}')
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    if done.returncode not in (0, 1) or (done.returncode == 1 and not rows):
        # exit 2 is validate's refusal of its input; exit 1 with no table is java's own failure (a file that is not a jar)
        said = [line for line in done.stderr.strip().splitlines() if line.strip()]
        fail('validate did not run (exit {}): {}'.format(done.returncode, ' | '.join(said[:8]) or 'no message'))
    for row in rows:
        row['seed'] = seed
    return rows


def summary(label, rows):
    def passes(group):
        return sum(r['result'] == 'pass' for r in group)

    lower = [r for r in rows if r['min'].strip() and float(r['min']) > 0]
    others = [r for r in rows if not (r['min'].strip() and float(r['min']) > 0)]
    one = [r for r in rows if bool(r['min'].strip()) != bool(r['max'].strip())]
    print(f'{label}: {passes(rows)} of {len(rows)} pattern-seeds ({100 * passes(rows) / len(rows):.1f} %); '
          f'with a lower bound {passes(lower)} of {len(lower)}; others {passes(others)} of {len(others)}', end='')
    if lower and others:
        print(f'; balanced {50 * (passes(lower) / len(lower) + passes(others) / len(others)):.1f} %', end='')
    if one:
        truth = [1.0 if r['min'].strip() else 0.0 for r in one]
        brier = sum((float(r['observed']) - t) ** 2 for r, t in zip(one, truth)) / len(one)
        rate = sum(truth) / len(truth)
        print(f'; Brier {brier:.3f} (base rate {rate * (1 - rate):.3f}, {100 * rate:.1f} % record something happened)')
    else:
        print()
    for r in rows:
        if r['result'] != 'pass':
            print(f"  miss, seed {r['seed']}: {r['case']}/{r['pattern']} [{r['min'] or 0}, {r['max'] or 1}] observed {r['observed']}")


def main(argv):
    jar, seeds, runs, files, sets = arguments(argv)
    values = 'the values set' if sets else 'the defaults'
    if sets:
        print('values set: ' + ', '.join(sets[1::2]))
    # the never-acting model's values come after the set ones, so that its thresholds win
    for label, extra in ((values, sets), ('a model that never acts', sets + NEVER)):
        rows = [row for seed in seeds for row in validate(jar, files, seed, runs, extra)]
        if not rows:
            fail('the files hold no patterns')
        summary(label, rows)


if __name__ == '__main__':
    main(sys.argv[1:])
