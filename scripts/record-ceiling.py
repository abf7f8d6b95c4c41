#!/usr/bin/env python3
"""How much of the case library's record the scenarios' inputs can predict, and how the model's
shares score against it (docs/MODEL.md 7, after the sixtieth round).

Every pattern with a one-sided bound states what the record says: the thing happened (a lower
bound above 0) or it did not (an upper bound below 1). From each case file this script reads what
a scenario gives the model before a run (for the pattern's pair: the heaviest hostile act between
the two, its flags, how many there were, the target's and the actor's traits, the starting level
and grievances, ideological distance, major powers, shared blocs, the year, the number of
countries, changes of government, friendly acts, mediations, the horizon; for the pattern: what it
asks) and trains two statistical classifiers on them, held out by case (5 folds, repeated over
shuffles of the cases). Their held-out rate of right answers estimates what any model could reach
from these inputs alone; the model's own results are read from a `crisis validate --format csv`
table (in sample at the defaults) and, when given, from a `crisis calibrate --folds` folds.csv
(held out). Brier scores compare the probabilities themselves with the record.

A last row of the first table adds, for each side of the pattern's pair, its government's record in
the library's earlier crises: whether a case that ended before this one starts codes the same
government (the same country with the same ideology and traits: docs/FORMATS.md 2.2 codes one
government alike in every file) on a pair whose record goes below NORMAL, only on pairs whose
record does not, or not at all: a government's known repertoire, which an analyst has before the
crisis. A country whose government changes within an earlier case lends that case no record.

Left out of the inputs, since the way a pattern is written carries its answer: the time window
(withinDays; authors write short windows for acts that happened), and the endsAt patterns
altogether (authors write the level the record ends at, so nearly all of them say it happened).

Usage: scripts/record-ceiling.py CASES_DIR VALIDATE_CSV [FOLDS_CSV]

VALIDATE_CSV is the output of `crisis validate CASES_DIR --seed 1 --format csv`; FOLDS_CSV the
folds.csv of `crisis calibrate scenarios/calibration/library.yaml --folds 5`. scripts/downgrade-look.py
and downgrade-trees.py look closer at the patterns on a pair with a hostile act between the two.
Needs Python 3 with PyYAML, NumPy and scikit-learn (pip install pyyaml numpy scikit-learn); takes
about a minute.
"""
import csv
import datetime
import glob
import math
import os
import sys

try:
    import numpy as np
    import yaml
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
except ImportError as missing:
    sys.exit(f'record-ceiling.py: needs PyYAML, NumPy and scikit-learn ({missing}; pip install pyyaml numpy scikit-learn)')

# gamma of the built-in hostile types (docs/MODEL.md 3.1) and their flags
GAMMA = {'ASYLUM_GRANT': -4, 'INTERFERENCE_STATEMENT': -3, 'SAFE_CONDUCT_DENIED': -4, 'EMBASSY_RAID': -9,
         'BORDER_INCIDENT': -6, 'PROTEST': -2.4, 'SUMMON_AMBASSADOR': -2.4, 'RECALL_AMBASSADOR': -5,
         'EXPEL_DIPLOMATS': -5, 'SEVER_RELATIONS': -7, 'SANCTION': -8, 'CONDEMN': -2}
FLAGS = {'ASYLUM_GRANT': 'i', 'INTERFERENCE_STATEMENT': 'i', 'EMBASSY_RAID': 'n', 'BORDER_INCIDENT': 'ta'}
LEVEL = {'SEVERED': 0, 'DOWNGRADED': 1, 'NORMAL': 2, 'CORDIAL': 3, 'ALLIED': 4}
FRIENDLY = ('DIALOGUE', 'SUPPORT', 'MEDIATE', 'RETURN_AMBASSADOR', 'RESTORE_RELATIONS', 'SAFE_CONDUCT_GRANTED')
NAMES = ['act weight', 'acts', 'interference', 'norm-breaking', 'territorial', 'armed', 'coup or disputed election',
         'level', 'target grievance', 'actor grievance', 'target hawkishness', 'target pressure',
         'target sovereignty', 'target norms', 'actor hawkishness', 'actor pressure', 'distance',
         'target major power', 'actor major power', 'shared blocs', 'year', 'countries', 'changes of government',
         'friendly acts', 'mediation', 'days', 'asks downgrade', 'asks rupture', 'asks restoration',
         'asks condemnations', 'condemners asked']


def flags(e):
    if e['type'] == 'CUSTOM':
        return ''.join(k[0] for k in ('interference', 'normBreaking', 'territorial', 'armed') if e.get(k))
    return FLAGS.get(e['type'], '')


def trait(c, k):
    return c.get(k, 0.5)


def rows(cases_dir, table):
    """One row per pattern with a one-sided bound: its case, name, inputs, whether the record has it
    happen, whether its pair had a hostile act between the two, its bounds and its kind."""
    for path in sorted(glob.glob(os.path.join(cases_dir, '*.yaml'))):
        d = yaml.safe_load(open(path))
        if 'expect' not in d:
            continue
        if 'start' not in d:
            print(f'record-ceiling.py: {path} has no start date (the year is an input): left out', file=sys.stderr)
            continue
        countries = {c['id']: c for c in d['countries']}
        relations = {frozenset(r['between']): r for r in (d.get('relations') or [])}
        events = d.get('events') or []
        changes = {c: 0 for c in countries}
        for e in events:
            if e['type'] in ('ELECTION', 'COUP') and e.get('actor') in changes:
                changes[e['actor']] += 1
        for p in d['expect'].get('patterns', []):
            r = table.get((d['name'], p['name']))
            if r is None or 'endsAt' in p:
                continue
            happened = bool(r['min']) and float(r['min']) > 0
            if not happened and not (r['max'] and float(r['max']) < 1):
                continue
            if 'condemn' in p:
                a = p['condemn']
                b = next((e['target'] for e in events if e.get('actor') == a and e.get('target')), a)
            else:
                a, b = p['pair']
            heaviest, count, domestic, friendly, mediated = None, 0, 0, 0, 0
            for e in events:
                between = e.get('actor') in (a, b) and e.get('target') in (a, b) and e['actor'] != e['target']
                g = e.get('gamma', GAMMA.get(e['type'], 0)) * e.get('severity', 1)
                if between and g < 0:
                    count += 1
                    if heaviest is None or g < heaviest[0]:
                        heaviest = (g, e)
                if between and (g > 0 or e['type'] in FRIENDLY):
                    friendly += 1
                if e['type'] == 'MEDIATE' and (e.get('target') in (a, b) or e.get('about') in (a, b)):
                    mediated = 1
                if e['type'] in ('COUP', 'DISPUTED_ELECTION') and e.get('actor') in (a, b):
                    domestic = 1
            target, actor, fl = (heaviest[1]['target'], heaviest[1]['actor'], flags(heaviest[1])) if heaviest else (a, b, '')
            rel = relations.get(frozenset((a, b)), {})
            grievance = rel.get('grievance') or {}
            ia, it = countries[actor].get('ideology', {}), countries[target].get('ideology', {})
            distance = math.hypot(ia.get('economic', 0) - it.get('economic', 0),
                                  0.5 * (ia.get('social', 0) - it.get('social', 0)))
            ct, ca = countries[target], countries[actor]
            kind = 'reaches ' + p['reaches'] if 'reaches' in p else 'restored' if 'restored' in p else 'condemn'
            x = [-heaviest[0] / 10 if heaviest else 0, count] + [int(f in fl) for f in 'inta'] + [domestic,
                 LEVEL.get(rel.get('level', 'NORMAL'), 2), grievance.get(target, 0), grievance.get(actor, 0),
                 trait(ct, 'hawkishness'), trait(ct, 'domesticPressure'), trait(ct, 'sovereignty'),
                 trait(ct, 'normAdherence'), trait(ca, 'hawkishness'), trait(ca, 'domesticPressure'), distance,
                 int(bool(ct.get('majorPower'))), int(bool(ca.get('majorPower'))),
                 len(set(ct.get('blocs', [])) & set(ca.get('blocs', []))), int(str(d['start'])[:4]),
                 len(countries), changes.get(a, 0) + changes.get(b, 0), friendly, mediated, d['days'],
                 int(p.get('reaches') == 'DOWNGRADED'), int(p.get('reaches') == 'SEVERED'), int('restored' in p),
                 int('condemn' in p), (p.get('count') or {}).get('min', 0)]
            yield d['name'], p['name'], x, int(happened), count > 0, \
                (float(r['min'] or 0), float(r['max'] or 1)), kind, (a, b)


def earlier_record(cases_dir, table, data):
    """Per row of `data`, for each side of its pair: 1 if a case that ended before the row's case starts
    codes the same government on a pair whose record goes below NORMAL (a reaches pattern with a lower
    bound above 0), 0 if only on pairs whose record does not, -1 if no such case codes it. A country
    whose government changes within a case lends that case no record; a case whose start is not a date (quoted,
    or absent: rows() leaves the latter out) neither lends nor receives a record."""
    def government(c):
        i = c.get('ideology', {})
        return (c['id'], i.get('economic'), i.get('social'), c.get('sovereignty'), c.get('domesticPressure'),
                c.get('hawkishness'), c.get('normAdherence'))
    cases = {}
    for path in glob.glob(os.path.join(cases_dir, '*.yaml')):
        d = yaml.safe_load(open(path))
        if 'expect' not in d:
            continue
        start = d.get('start')
        start = start if isinstance(start, datetime.date) else None
        changed = {e.get('actor') for e in d.get('events') or [] if e.get('type') in ('ELECTION', 'COUP')}
        governments = {c['id']: government(c) for c in d['countries']}
        record = {}
        for p in d['expect'].get('patterns', []):
            r = table.get((d['name'], p['name']))
            if 'reaches' in p and r is not None:
                for c in p['pair']:
                    if c not in changed:
                        record.setdefault(governments[c], set()).add(bool(r['min']) and float(r['min']) > 0)
        end = start + datetime.timedelta(days=d.get('days', 0)) if start else None
        cases[d['name']] = (start, end, governments, record)

    def side(case, country):
        start, _, governments, _ = cases[case]
        if start is None:
            return -1
        known = [True in rec[governments[country]] for (_, end, _, rec) in cases.values()
                 if end is not None and end < start and governments.get(country) in rec]
        return -1 if not known else int(any(known))
    return np.array([[side(row[0], c) for c in row[7]] for row in data], float)


class _BaseRate:
    """For each kind of pattern, the share of the training cases' patterns of that kind whose record has it
    happen (the kind is read from the inputs' columns from `first` on)."""

    def __init__(self, first):
        self.first = first

    def _kind(self, X):
        return [tuple(row) for row in X[:, self.first:]]

    def fit(self, X, y):
        seen = {}
        for k, v in zip(self._kind(X), y):
            seen.setdefault(k, []).append(v)
        self.rates, self.rate = {k: np.mean(v) for k, v in seen.items()}, y.mean()
        return self

    def predict_proba(self, X):
        p = np.array([self.rates.get(k, self.rate) for k in self._kind(X)])
        return np.column_stack([1 - p, p])


def held_out(make, X, y, groups, repeats, fraction=1.0):
    """Held-out predictions by case, one array per repeat (cases shuffled into 5 folds each time)."""
    cases = sorted(set(groups))
    out = []
    for k in range(repeats):
        rng = np.random.default_rng(k)
        relabel = dict(zip(cases, rng.permutation(len(cases))))
        g = np.array([relabel[c] for c in groups])
        pred = np.zeros(len(y))
        for train, test in GroupKFold(5).split(X, y, g):
            if fraction < 1:
                keep = set(rng.permutation(sorted(set(g[train])))[:max(2, int(fraction * len(set(g[train]))))])
                train = np.array([i for i in train if g[i] in keep])
            pred[test] = make(k).fit(X[train], y[train]).predict_proba(X[test])[:, 1]
        out.append(pred)
    return out


def fail(message):
    """Invalid input, as the project's commands say it: one line on stderr, exit status 2."""
    print(message, file=sys.stderr)
    sys.exit(2)


def read_csv(path, needed, what):
    try:
        reader = csv.DictReader(open(path, encoding='utf-8'))
        if not set(needed) <= set(reader.fieldnames or ()):
            fail(f'record-ceiling.py: {path} is not {what} (columns {", ".join(needed)})')
        return list(reader)
    except OSError as e:
        fail(f'record-ceiling.py: cannot read {path} ({e.strerror})')
    except (UnicodeDecodeError, csv.Error) as e:
        fail(f'record-ceiling.py: {path} is not a csv file ({e})')


def shares(path, rows):
    """The observed shares of some rows of a csv (NaN for a row that is absent); a share that is no number is refused."""
    out = []
    for r in rows:
        try:
            out.append(np.nan if r is None else float(r['observed']))
        except ValueError:
            fail(f'record-ceiling.py: {path}: {r["case"]}/{r["pattern"]}: observed share {r["observed"]!r} is not a number')
    return np.array(out)


def main(argv):
    if len(argv) < 2 or argv[0] in ('-h', '--help'):
        print(__doc__)
        return 0 if argv and argv[0] in ('-h', '--help') else 2
    if not os.path.isdir(argv[0]):
        fail(f'record-ceiling.py: {argv[0]} is not a directory of case files')
    table = {(r['case'], r['pattern']): r for r in read_csv(
        argv[1], ('case', 'pattern', 'min', 'max', 'observed', 'result'), 'the csv of crisis validate --format csv')}
    for r in table.values():
        for bound in ('min', 'max'):
            try:
                float(r[bound] or 0)
            except ValueError:
                fail(f'record-ceiling.py: {argv[1]}: {r["case"]}/{r["pattern"]}: {bound} {r[bound]!r} is not a number')
    try:
        data = list(rows(argv[0], table))
        earlier = earlier_record(argv[0], table, data)
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as e:
        fail(f'record-ceiling.py: a case file of {argv[0]} is not valid ({" ".join(str(e).split())})')
    if not data:
        fail(f'record-ceiling.py: no pattern of {argv[0]} is in {argv[1]}')
    if len({row[0] for row in data}) < 5:
        fail(f'record-ceiling.py: {argv[0]} has patterns in {len({row[0] for row in data})} cases; the held-out readings need '
             'at least 5 (one a fold)')
    keys = [(row[0], row[1]) for row in data]
    X = np.array([row[2] for row in data], float)
    y = np.array([row[3] for row in data])
    groups = [row[0] for row in data]
    low = np.array([row[5][0] for row in data])
    high = np.array([row[5][1] for row in data])
    kinds = np.array([row[6] for row in data])
    columns = [('all', np.ones(len(y), bool))] + [(k, kinds == k) for k in
               ('reaches DOWNGRADED', 'reaches SEVERED', 'restored', 'condemn')]
    print(f'{len(y)} patterns in {len(set(groups))} cases (endsAt patterns left out); {y.sum()} record that '
          f'something happened, {len(y) - y.sum()} that it did not.')
    print(f'{"share right (balanced)":34s}' + ''.join(f'{name:>22s}' for name, _ in columns))
    print(f'{"patterns":34s}' + ''.join(f'{m.sum():>22d}' for _, m in columns))

    def line(label, oks, within=None):
        cells = []
        for _, m in columns:
            m = m if within is None else m & within
            rate = np.mean([o[m].mean() for o in oks])
            balanced = np.mean([(o[m & (y == 1)].mean() + o[m & (y == 0)].mean()) / 2 for o in oks])
            cells.append(f'{100 * rate:5.1f}% ({100 * balanced:4.1f}%)')
        print(f'{label:34s}' + ''.join(f'{c:>22s}' for c in cells))

    in_sample = shares(argv[1], [table[k] for k in keys])
    probabilities = [('model, defaults, in sample', in_sample)]
    line('model, defaults, in sample: pass', [np.array([table[k]['result'] == 'pass' for k in keys])])
    line('model, defaults, in sample: right', [(in_sample >= 0.5) == y])
    if len(argv) > 2:
        folds = {(r['case'], r['pattern']): r for r in read_csv(
            argv[2], ('case', 'pattern', 'sample', 'observed', 'result'), 'the folds.csv of crisis calibrate --folds')
            if r['sample'] == 'out'}
        present = np.array([k in folds for k in keys])
        if not present.all():
            print(f'record-ceiling.py: {(~present).sum()} of the {len(keys)} patterns are not held out in {argv[2]} '
                  '(a cross-validation of another library?); the held-out rows leave them out', file=sys.stderr)
        held = shares(argv[2], [folds.get(k) for k in keys])
        line('model, 5-fold, held out: pass', [np.array([k in folds and folds[k]['result'] == 'pass' for k in keys])],
             present)
        line('model, 5-fold, held out: right', [(held >= 0.5) == y], present)
        probabilities.append(('model, 5-fold, held out', held))
    line('"it never happens": right', [y == 0])
    learners = {
        'logistic regression': lambda k: make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000)),
        'gradient boosting': lambda k: GradientBoostingClassifier(n_estimators=150, max_depth=3, random_state=k),
    }
    for name, make in learners.items():
        preds = held_out(make, X, y, groups, repeats=5)
        line(name + ', held out: right', [(p >= 0.5) == y for p in preds])
        line(name + ', held out: pass', [(p >= low) & (p <= high) for p in preds])
        probabilities.append((name + ', held out', np.mean(preds, axis=0)))
    if len(argv) > 2:
        # the model's held-out share beside the inputs: what the model adds to a reading of them
        with_model = np.column_stack([X, np.nan_to_num(probabilities[1][1])])
        preds = held_out(learners['gradient boosting'], with_model, y, groups, repeats=5)
        line('boosting with the model\'s share', [(p >= 0.5) == y for p in preds], present)
    preds = held_out(learners['gradient boosting'], np.column_stack([X, earlier]), y,
                     groups, repeats=5)
    line('boosting with earlier records', [(p >= 0.5) == y for p in preds])
    probabilities.append(('base rate by kind, held out',
                          held_out(lambda k: _BaseRate(X.shape[1] - 5), X, y, groups, repeats=1)[0]))
    print('Brier score of the probability against the record (lower is better):')
    for name, p in probabilities:
        cells = []
        for _, m in columns:
            ok = m & ~np.isnan(p)
            cells.append(f'{np.mean((p[ok] - y[ok]) ** 2):.3f}')
        print(f'  {name:32s}' + ''.join(f'{c:>22s}' for c in cells))
    print('gradient boosting trained on part of each fold\'s training cases (held out, 5 repeats): right')
    for fraction in (0.25, 0.5, 0.75, 1.0):
        preds = held_out(learners['gradient boosting'], X, y, groups, repeats=5, fraction=fraction)
        acc = [((p >= 0.5) == y).mean() for p in preds]
        print(f'  {fraction:4.0%} of training cases: {100 * np.mean(acc):.1f}% ±{100 * np.std(acc):.1f}')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
