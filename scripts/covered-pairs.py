#!/usr/bin/env python3
"""Which library files already cover a candidate episode's pair (docs/CALIBRATION-RECORD.md: the
recent frames' rule, as in the hundred-and-fourteenth round, excludes an episode "covered by the
library", a library file with a pattern on the same pair whose start lies within three years of the
episode's act).

A candidate is either a case file (its pair is the actor and target of its first scripted act on
day 0, its date the file's `start`) or a pair and a date written `AAA-BBB YYYY-MM-DD` (ISO 3166
alpha-3 codes, in any order, as the case files write them: SUN for the Soviet Union, YUG for
Yugoslavia). For each candidate the script prints the library files that cover it, nearest first,
with the number of days between the two starts; a case file never covers itself. Run it against the
library as it stood when the frame's list was drawn up (`--library`): files of the same frame may
name each other's pairs (one act protested by two neighbours, a third party's pattern), which the
rule does not count.

    python3 scripts/covered-pairs.py scenarios/cases/poland-russia-2008.yaml
    python3 scripts/covered-pairs.py "IRN-ARE 2009-05-24" "NZL-CHN 2024-09-25"
    python3 scripts/covered-pairs.py --table pairs.tsv      # the table a list's author checks against

Options: --library DIR (default scenarios/cases, beside this script), --days N (default 1095, three
years), --table OUT (write every pair the library's patterns name, with its file and start, as
tab-separated `file  start  pair`, and exit; it takes no candidates). Exit status 0 when no candidate is covered, 1 when one
is, 2 on bad input (a file that cannot be read, a candidate that is not a file or `AAA-BBB DATE`).
"""

import datetime
import glob
import os
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit('covered-pairs.py: needs PyYAML (pip install pyyaml)')

USAGE = 'usage: covered-pairs.py [--library DIR] [--days N] [--table OUT] CANDIDATE ...'


def fail(message):
    print('covered-pairs.py: ' + message, file=sys.stderr)
    sys.exit(2)


def read_case(path):
    try:
        with open(path, encoding='utf-8') as f:
            case = yaml.safe_load(f)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        fail('%s: cannot be read (%s)' % (path, e.__class__.__name__))
    if not isinstance(case, dict):
        fail('%s: not a scenario (no mapping at the top)' % path)
    return case


def start_of(case):
    start = case.get('start')
    if start is None:
        return None
    try:
        return datetime.date.fromisoformat(str(start))
    except ValueError:
        return None


def library_pairs(library):
    """(file name, start, pair) for every pattern of the library that names a pair."""
    rows = set()
    for path in sorted(glob.glob(os.path.join(library, '*.yaml'))):
        case = read_case(path)
        start = start_of(case)
        expect = case.get('expect') or {}
        if start is None or not isinstance(expect, dict):
            continue
        for pattern in expect.get('patterns') or []:
            pair = pattern.get('pair') if isinstance(pattern, dict) else None
            if isinstance(pair, list) and len(pair) == 2:
                rows.add((os.path.basename(path)[:-5], start, '-'.join(sorted(pair))))
    return sorted(rows, key=lambda r: (r[2], r[1], r[0]))


def candidate(text):
    """(label, pair, date, own file name or None) of a candidate."""
    m = re.fullmatch(r'\s*([A-Z]{3})-([A-Z]{3})\s+(\d{4}-\d{2}-\d{2})\s*', text)
    if m:
        try:
            day = datetime.date.fromisoformat(m.group(3))
        except ValueError:
            fail('%r: %s is not a date' % (text, m.group(3)))
        return text.strip(), '-'.join(sorted([m.group(1), m.group(2)])), day, None
    if not os.path.isfile(text):
        fail('%r: neither a case file nor a pair and a date (AAA-BBB YYYY-MM-DD)' % text)
    case = read_case(text)
    day = start_of(case)
    if day is None:
        fail('%s: no start date' % text)
    for event in case.get('events') or []:
        if isinstance(event, dict) and event.get('day') == 0 and event.get('actor') and event.get('target'):
            pair = '-'.join(sorted([event['actor'], event['target']]))
            return os.path.basename(text), pair, day, os.path.basename(text)[:-5]
    fail('%s: no act with an actor and a target on day 0' % text)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    library = os.path.normpath(os.path.join(here, '..', 'scenarios', 'cases'))
    days, table, candidates = 1095, None, []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ('-h', '--help'):
            print(__doc__.strip())
            return 0
        if arg in ('--library', '--days', '--table'):
            if i + 1 >= len(argv):
                fail('%s needs a value\n%s' % (arg, USAGE))
            value = argv[i + 1]
            if arg == '--library':
                library = value
            elif arg == '--table':
                table = value
            else:
                if not value.isdigit():
                    fail('--days: %r is not a whole number of days' % value)
                days = int(value)
            i += 2
            continue
        if arg.startswith('-'):
            fail('unknown option %s\n%s' % (arg, USAGE))
        candidates.append(arg)
        i += 1
    if not os.path.isdir(library):
        fail('%s: no such library directory' % library)
    rows = library_pairs(library)
    if table is not None:
        if candidates:
            fail('--table takes no candidates\n' + USAGE)
        text = ''.join('%s.yaml\t%s\t%s\n' % (name, start.isoformat(), pair) for name, start, pair in rows)
        partial = table + '.partial'
        try:
            with open(partial, 'w', encoding='utf-8') as f:
                f.write(text)
            os.replace(partial, table)
        except OSError as e:
            if os.path.exists(partial):
                os.remove(partial)
            fail('%s: cannot be written (%s)' % (table, e.__class__.__name__))
        print('%d pairs of %s written to %s' % (len(rows), library, table))
        return 0
    if not candidates:
        fail('no candidate given\n' + USAGE)
    covered = False
    for text in candidates:
        label, pair, day, own = candidate(text)
        hits = sorted(((abs((start - day).days), name, start) for name, start, p in rows
                       if p == pair and name != own and abs((start - day).days) <= days))
        if hits:
            covered = True
            found = '; '.join('%s (starts %s, %d days %s)' % (name, start, gap,
                              'before' if start < day else 'after') for gap, name, start in hits)
            print('%s: %s %s covered by %s' % (label, pair, day, found))
        else:
            print('%s: %s %s not covered within %d days' % (label, pair, day, days))
    return 1 if covered else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
