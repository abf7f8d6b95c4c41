#!/usr/bin/env python3
"""What a nonlinear reading of the coded inputs, and a state's own record, tell of the first
answer (docs/MODEL.md 7), beyond the linear look of scripts/downgrade-look.py.

Usage: scripts/downgrade-trees.py CASES_DIR VALIDATE_CSV [SEVERED]

It takes the same patterns as downgrade-look.py (whether a pair with a scripted hostile act
between them reached DOWNGRADED, or with SEVERED a rupture) and the same coded inputs (not the
pattern's window, which echoes the outcome), and prints, held out by case (5 folds over 10
seeded shuffles of the cases) and counted by the same yardstick as the model (a probability on
the right side of one half):
  - a random forest and gradient-boosted trees on the inputs, and on the inputs with the logit of
    the model's probability;
  - the record of the victim, and of the actor, in the library: the share of its other cases'
    patterns of the same kind, on pairs where it was the victim (or the actor), that record the
    answer, shrunk towards the mean; once over every other case and once over the cases that
    start earlier only (what a coder could know at the start), with its area under the curve and
    its gain in log-likelihood when added to the logit of the model's probability.
Needs Python 3 with PyYAML, NumPy and scikit-learn (pip install pyyaml numpy scikit-learn).
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    """Invalid input, as the project's commands say it: one line on stderr, exit status 2."""
    print(message, file=sys.stderr)
    sys.exit(2)


def load_look():
    spec = importlib.util.spec_from_file_location('look', os.path.join(HERE, 'downgrade-look.py'))
    look = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(look)
    return look


def folds_of(cases, seed, folds=5):
    order = sorted(set(cases))
    np.random.RandomState(seed).shuffle(order)
    fold = {c: i % folds for i, c in enumerate(order)}
    return np.array([fold[c] for c in cases])


def trees(look, rows, splits=10):
    names = look.inputs(rows)
    x = np.array([[float(r[4][n]) for n in names] for r in rows])
    y = np.array([r[0] for r in rows])
    p = np.clip(np.array([r[1] for r in rows]), 0.005, 0.995)
    logit = np.log(p / (1 - p))
    cases = [r[5] for r in rows]
    makers = {
        'random forest (300 trees, leaves of 5 or more)':
            lambda s: RandomForestClassifier(n_estimators=300, min_samples_leaf=5, random_state=s),
        'gradient-boosted trees (100 of depth 2, rate 0.05)':
            lambda s: GradientBoostingClassifier(n_estimators=100, max_depth=2, learning_rate=0.05,
                                                 random_state=s)}
    for label, make in makers.items():
        for with_model, features in ((False, x), (True, np.column_stack([x, logit]))):
            right, areas = [], []
            for seed in range(splits):
                fold = folds_of(cases, seed)
                score = np.zeros(len(y))
                for f in range(5):
                    m = make(seed).fit(features[fold != f], y[fold != f])
                    score[fold == f] = m.predict_proba(features[fold == f])[:, 1]
                right.append(int(((score > 0.5) == y).sum()))
                areas.append(roc_auc_score(y, score))
            what = 'the inputs and the model\'s logit' if with_model else 'the inputs'
            print(f'  {label} on {what}: {np.mean(right):.1f} of {len(y)} on the right side of one half '
                  f'({np.mean(right) / len(y):.1%}; {min(right)} to {max(right)}), area under the curve '
                  f'{np.mean(areas):.2f}')


def records(look, rows):
    y = [r[0] for r in rows]
    mean = sum(y) / len(y)
    logit = [float(np.log(min(max(r[1], 0.005), 0.995) / (1 - min(max(r[1], 0.005), 0.995)))) for r in rows]
    base = look.logistic_nll([logit], y)
    for side, who in (('victim', 6), ('actor', 7)):
        for when, earlier_only in (('every other case', False), ('cases that start earlier', True)):
            share, known = [], 0
            for row in rows:
                other = [r[0] for r in rows if r[who] == row[who] and r[5] != row[5]
                         and (not earlier_only or r[8] < row[8])]
                known += bool(other)
                share.append((sum(other) + 2 * mean) / (len(other) + 2))
            column = look.standardised(share)
            gain = base - look.logistic_nll([logit, column], y) if column else 0.0
            print(f"  the {side}'s record over {when}: known for {known} of {len(rows)}, area under the "
                  f'curve {look.auc(share, y):.2f} (the model\'s {look.auc([r[1] for r in rows], y):.2f}), '
                  f'gain in log-likelihood beside the model {gain:.2f}')


def main():
    if len(sys.argv) == 2 and sys.argv[1] in ('-h', '--help'):
        print(__doc__)
        return
    look = load_look()
    rows, level = look.patterns_of_arguments('downgrade-trees.py')
    y = [r[0] for r in rows]
    model = sum((r[1] > 0.5) == bool(r[0]) for r in rows)
    print(f'{level}: {len(rows)} patterns, {sum(y)} record it; the model\'s probability on the right side of '
          f'one half for {model}, the commoner outcome {max(sum(y), len(y) - sum(y))}')
    trees(look, rows)
    records(look, rows)


if __name__ == '__main__':
    if not (len(sys.argv) == 2 and sys.argv[1] in ('-h', '--help')):
        try:
            import numpy as np
            from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
            from sklearn.metrics import roc_auc_score
        except ImportError:
            fail('downgrade-trees.py: needs NumPy and scikit-learn (pip install numpy scikit-learn)')
    main()
