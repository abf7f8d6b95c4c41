#!/usr/bin/env python3
"""What the model's probability misses about downgrades or ruptures (docs/CALIBRATION-RECORD.md,
forty-fourth round, and 7).

Usage: scripts/downgrade-look.py CASES_DIR VALIDATE_CSV [SEVERED]

VALIDATE_CSV is the output of `crisis validate CASES_DIR --seed 1 --format csv`. The script takes
the patterns that ask whether a pair reached DOWNGRADED (with a lower bound: it happened; with an
upper bound: it did not) on a pair with a scripted hostile act between them (an exogenous trigger
with gamma < 0, either way), and prints: how many happened and how many pass; how well the
model's probability ranks them (area under the curve), in all and before and from 1990; and, for
each coded feature of the heaviest such act, its target (the victim), the pair and the case, the
fall in the negative log-likelihood when the feature (standardised) is added to a logistic
regression of what happened on the logit of the model's probability. Last, what the coded inputs
tell together: a logistic regression of what happened on all of them (standardised on the fitting
cases, with a small ridge), held out by case in 5 folds over 10 seeded shuffles of the cases, and
how often its probability and the model's fall on the right side of one half, against the share
of the commoner outcome. The pattern's window is no input: it is how the pattern was written (an
"it happened" pattern carries the record's date), so it echoes the outcome; its gain alone is
printed, marked, and it is left out of the regression. With SEVERED it takes the patterns on a
rupture instead. At the library of 410 cases (commit 34a18d7) it prints the figures of
docs/MODEL.md 7; the earlier figures there and in 6.1 kept the window in the regression. Needs
Python 3 with PyYAML.
"""
import csv
import glob
import math
import os
import random
import sys

try:
    import yaml
except ImportError:
    sys.exit('downgrade-look.py: needs PyYAML (pip install pyyaml)')

# default weight and flags (interference, norm-breaking, territorial) of the scripted triggers
TRIGGERS = {'ASYLUM_GRANT': (-4, 1, 0, 0), 'INTERFERENCE_STATEMENT': (-3, 1, 0, 0),
            'SAFE_CONDUCT_DENIED': (-4, 0, 0, 0), 'EMBASSY_RAID': (-9, 0, 1, 0),
            'BORDER_INCIDENT': (-6, 0, 0, 1), 'CUSTOM': (0, 0, 0, 0)}
LEVELS = {'ALLIED': 2, 'CORDIAL': 1, 'NORMAL': 0, 'DOWNGRADED': -1, 'SEVERED': -2}
LATIN_AMERICA = {'ARG', 'BOL', 'BRA', 'CHL', 'COL', 'CRI', 'CUB', 'DOM', 'ECU', 'SLV', 'GTM', 'HND',
                 'HTI', 'MEX', 'NIC', 'PAN', 'PRY', 'PER', 'URY', 'VEN', 'BLZ', 'GUY', 'SUR', 'JAM',
                 'TTO'}


def hostile_acts(events, a, b):
    """The hostile scripted triggers between a and b, heaviest first, as tuples."""
    acts = []
    for e in events:
        if {e.get('actor'), e.get('target')} != {a, b} or e.get('type') not in TRIGGERS:
            continue
        gamma0, itf, nb, ter = TRIGGERS[e['type']]
        gamma = e.get('gamma', gamma0)
        if gamma is None or gamma >= 0:
            continue
        flag = lambda key, default: bool(e[key] if e.get(key) is not None else default)
        acts.append((abs(gamma) * (e.get('severity') or 1), e['type'], e['actor'], e['target'],
                     flag('normBreaking', nb), flag('interference', itf),
                     flag('territorial', ter), bool(e.get('armed'))))
    return sorted(acts, reverse=True)


def observations(cases_dir, validate_csv, level='DOWNGRADED', script='downgrade-look.py'):
    try:
        reader = csv.DictReader(open(validate_csv, encoding='utf-8'))
        fields = set(reader.fieldnames or ())
        results = {(r['case'], r['pattern']): r for r in reader} if {'case', 'pattern'} <= fields else {}
    except (UnicodeDecodeError, csv.Error) as e:
        fail(f'{script}: {validate_csv} is not a csv file ({e})')
    if not {'case', 'pattern', 'observed', 'result'} <= fields:
        fail(f'{script}: {validate_csv} is not the csv of crisis validate --format csv '
             '(columns case, pattern, observed, result)')
    rows = []
    for path in sorted(glob.glob(os.path.join(cases_dir, '*.yaml'))):
        try:
            case = yaml.safe_load(open(path, encoding='utf-8'))
        except (UnicodeDecodeError, yaml.YAMLError) as e:
            fail(f'{script}: {path} is not a valid case file ({" ".join(str(e).split())})')
        if not isinstance(case, dict) or not isinstance(case.get('countries'), list) or 'start' not in case:
            fail(f'{script}: {path} is not a valid case file (no countries or no start)')
        countries = {c['id']: c for c in case['countries']}
        relations = {tuple(sorted(r['between'])): r for r in case.get('relations') or []}
        year = int(str(case['start'])[:4])
        for p in case.get('expect', {}).get('patterns', []):
            r = results.get((case['name'], p['name']))
            if r is None or p.get('reaches') != level:
                continue
            bounds = p.get('probability', {})
            if bounds.get('min', 0) > 0:
                happened = 1
            elif 'max' in bounds:
                happened = 0
            else:
                continue
            a, b = p['pair']
            acts = hostile_acts(case.get('events') or [], a, b)
            if not acts:
                continue
            w, _, actor, victim, nb, itf, ter, armed = acts[0]
            cv, ca = countries.get(victim), countries.get(actor)
            if cv is None or ca is None:
                continue
            rel = relations.get(tuple(sorted((a, b))), {})
            grievance = rel.get('grievance') if isinstance(rel.get('grievance'), dict) else {}
            trade = rel.get('trade') if isinstance(rel.get('trade'), dict) else {}
            features = {
                "act's weight": w / 10, 'hostile acts': len(acts), 'norm-breaking': nb,
                'interference': itf, 'territorial': ter, 'armed': armed,
                'level at the start': LEVELS.get(rel.get('level') or 'NORMAL', 0),
                "victim's grievance at the start": grievance.get(victim, 0),
                "pair's trade": max(trade.values()) if trade else 0,
                "victim's hawkishness": cv.get('hawkishness', 0.5),
                "victim's domestic pressure": cv.get('domesticPressure', 0.5),
                "victim's sovereignty": cv.get('sovereignty', 0.5),
                "victim's norm adherence": cv.get('normAdherence', 0.5),
                'victim a major power': bool(cv.get('majorPower')),
                'actor a major power': bool(ca.get('majorPower')),
                "actor's hawkishness": ca.get('hawkishness', 0.5),
                'start year': year, 'both in Latin America': victim in LATIN_AMERICA and actor in LATIN_AMERICA,
                'acts both ways': len({x[3] for x in acts}) > 1, "pattern's window": p.get('withinDays') or 0}
            observed = float(r['observed'])
            rows.append((happened, observed, r['result'] == 'pass', year, features, case['name'], victim, actor,
                         str(case['start'])))
    return rows


def auc(scores, labels):
    """Area under the curve: the share of (happened, not) pairs ranked right, ties counting half."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(labels)
    neg = len(labels) - pos
    if pos == 0 or neg == 0:
        return float('nan')  # one outcome only: nothing to rank
    u = sum(r for r, y in zip(ranks, labels) if y) - pos * (pos + 1) / 2
    return u / (pos * neg)


def logistic_fit(x, y, ridge=0.0):
    """Coefficients of a logistic regression on rows x (first entry 1, the intercept, not
    penalised), maximising the log-likelihood less ridge/2 times the other coefficients' squares (Newton)."""
    k = len(x[0])
    beta = [0.0] * k
    for _ in range(100):
        grad = [-ridge * b if u else 0.0 for u, b in enumerate(beta)]
        hess = [[ridge if u == v and u else 0.0 for v in range(k)] for u in range(k)]
        for xi, yi in zip(x, y):
            z = sum(b * v for b, v in zip(beta, xi))
            p = 1 / (1 + math.exp(-z))
            for u in range(k):
                grad[u] += (yi - p) * xi[u]
                for v in range(k):
                    hess[u][v] += p * (1 - p) * xi[u] * xi[v]
        step = solve(hess, grad)
        beta = [b + s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return beta


def logistic_nll(columns, y):
    """Minimised negative log-likelihood of a logistic regression with an intercept (Newton)."""
    x = [[1.0] + [c[i] for c in columns] for i in range(len(y))]
    beta = logistic_fit(x, y)
    nll = 0.0
    for xi, yi in zip(x, y):
        z = sum(b * v for b, v in zip(beta, xi))
        nll += math.log1p(math.exp(-abs(z))) + max(z, 0) - yi * z
    return nll


def solve(m, r):
    """Gaussian elimination with partial pivoting."""
    n = len(r)
    a = [row[:] + [r[i]] for i, row in enumerate(m)]
    for c in range(n):
        p = max(range(c, n), key=lambda i: abs(a[i][c]))
        a[c], a[p] = a[p], a[c]
        for i in range(c + 1, n):
            f = a[i][c] / a[c][c]
            for j in range(c, n + 1):
                a[i][j] -= f * a[c][j]
    out = [0.0] * n
    for i in reversed(range(n)):
        out[i] = (a[i][n] - sum(a[i][j] * out[j] for j in range(i + 1, n))) / a[i][i]
    return out


def standardised(values):
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    return [(v - mean) / sd for v in values] if sd > 0 else None


def report(title, rows, what='a downgrade'):
    y = [r[0] for r in rows]
    happened = [r for r in rows if r[0]]
    print(f'{title}: {len(rows)} patterns, {len(happened)} record {what} ({sum(r[2] for r in happened)} pass), '
          f'{len(rows) - len(happened)} record none ({sum(r[2] for r in rows if not r[0])} pass); '
          f"area under the curve: the model's probability {auc([r[1] for r in rows], y):.2f}, "
          f'the start year {auc([r[3] for r in rows], y):.2f}')
    logit = [math.log(min(max(r[1], 0.005), 0.995) / (1 - min(max(r[1], 0.005), 0.995))) for r in rows]
    base = logistic_nll([logit], y)
    print(f'  negative log-likelihood on the logit of the model\'s probability: {base:.1f}; gain when a feature is added:')
    for name in rows[0][4]:
        column = standardised([float(r[4][name]) for r in rows])
        if column is not None:
            form = '  (how the pattern is written: not an input)' if name in FORM else ''
            print(f'    {name:34s} {base - logistic_nll([logit, column], y):6.2f}{form}')


# How the pattern was written, not what the crisis was: an "it happened" pattern carries the record's
# date as its window and most "it did not" carry none, so the window echoes the outcome. Its gain
# alone is printed as a check on the writing; it takes no part in what the features tell together.
FORM = {"pattern's window"}


def inputs(rows):
    """The names of the coded inputs: every feature but those of the pattern's form."""
    return [n for n in rows[0][4] if n not in FORM]


def held_out(rows, seed, folds=5, ridge=1.0):
    """Scores of a ridge logistic regression of what happened on the coded inputs, each
    pattern scored by the fit on the other folds' cases (features standardised on those cases);
    cases are dealt to folds in an order shuffled by random.Random(seed)."""
    names = inputs(rows)
    y = [r[0] for r in rows]
    cases = sorted({r[5] for r in rows})
    random.Random(seed).shuffle(cases)
    fold = {c: i % folds for i, c in enumerate(cases)}
    score = [0.0] * len(rows)
    for f in range(folds):
        train = [i for i, r in enumerate(rows) if fold[r[5]] != f]
        scale = []
        for n in names:
            values = [float(rows[i][4][n]) for i in train]
            mean = sum(values) / len(values)
            sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
            if sd > 0:
                scale.append((n, mean, sd))
        row = lambda r: [1.0] + [(float(r[4][n]) - mean) / sd for n, mean, sd in scale]
        beta = logistic_fit([row(rows[i]) for i in train], [y[i] for i in train], ridge)
        for i, r in enumerate(rows):
            if fold[r[5]] == f:
                score[i] = sum(b * v for b, v in zip(beta, row(r)))
    return score


def together(rows, splits=10):
    """What the coded features tell together, held out by case, against the model by the same
    yardstick: a probability on the right side of one half."""
    y = [r[0] for r in rows]
    right = []
    areas = []
    for seed in range(splits):
        score = held_out(rows, seed)
        right.append(sum((s > 0) == bool(t) for s, t in zip(score, y)))
        areas.append(auc(score, y))
    model = sum((r[1] > 0.5) == bool(r[0]) for r in rows)
    common = max(sum(y), len(y) - sum(y))
    n = len(rows)
    print(f'  every coded input together (not the window), a ridge logistic regression held out by case (5 folds, {splits} '
          f'shuffles of the cases): {sum(right) / splits:.1f} of {n} on the right side of one half on average '
          f'({sum(right) / splits / n:.1%}; {min(right)} to {max(right)}), area under the curve '
          f'{sum(areas) / splits:.2f}; the model\'s probability {model} ({model / n:.1%}); the commoner outcome '
          f'{common} ({common / n:.1%}); the model passes {sum(r[2] for r in rows)} by the patterns\' own bounds')


def fail(message):
    """Invalid input, as the project's commands say it: one line on stderr, exit status 2."""
    print(message, file=sys.stderr)
    sys.exit(2)


def patterns_of_arguments(script):
    """The patterns that `scripts/SCRIPT CASES_DIR VALIDATE_CSV [SEVERED]` names, and their level;
    bad arguments exit with status 2 and one line."""
    if len(sys.argv) not in (3, 4) or len(sys.argv) == 4 and sys.argv[3] != 'SEVERED':
        fail(f'usage: scripts/{script} CASES_DIR VALIDATE_CSV [SEVERED] (--help for more)')
    if not os.path.isdir(sys.argv[1]):
        fail(f'{script}: {sys.argv[1]} is not a directory of cases')
    if not os.path.isfile(sys.argv[2]):
        fail(f'{script}: no file {sys.argv[2]} (crisis validate CASES_DIR --seed 1 --format csv > FILE)')
    level = sys.argv[3] if len(sys.argv) == 4 else 'DOWNGRADED'
    rows = observations(sys.argv[1], sys.argv[2], level, script)
    if not rows:
        fail(f'{script}: no pattern on {level} with a scripted hostile act between the pair')
    return rows, level


def main():
    if len(sys.argv) == 2 and sys.argv[1] in ('-h', '--help'):
        print(__doc__)
        return
    rows, level = patterns_of_arguments('downgrade-look.py')
    what = 'a rupture' if level == 'SEVERED' else 'a downgrade'
    report('all', rows, what)
    report('before 1990', [r for r in rows if r[3] < 1990], what)
    report('1990 and later', [r for r in rows if r[3] >= 1990], what)
    together(rows)


if __name__ == '__main__':
    main()
