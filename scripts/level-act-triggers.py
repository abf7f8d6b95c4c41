#!/usr/bin/env python3
"""The case files whose scripted triggers may be acts that themselves set a level (docs/FORMATS.md 1.4,
setsLevel; docs/CALIBRATION-RECORD.md, hundred-and-fifth round): the list that the round's reading
starts from, made from the events' labels and weights alone, before any file is read again.

Usage: scripts/level-act-triggers.py CASES_DIR > LIST.tsv

A trigger is listed when it is a hostile CUSTOM event (its gamma below 0; the
typed triggers are asylum, statements, safe conducts, raids, border incidents and changes of
government, none of them a step on the diplomatic ladder) and its label names both an act that
ends or cuts a presence (an expulsion, a persona non grata, a recall, a withdrawal, a closing, a
sealing, a cap on staff, a refused agrément) and what it touches (an ambassador, a minister, a
nuncio, a chargé, a high commissioner, a diplomat, the staff, an attaché, a secretary, a mission,
an embassy, a legation, a consulate). The list is generous on purpose: whether the record shows the
act set the pair's level is the reading's to say, from each file's own comments. Prints the file,
the event's index in its list, day, label and gamma, tab-separated, in file order. Needs Python 3
with PyYAML.
"""
import glob
import os
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit('level-act-triggers.py: needs PyYAML (pip install pyyaml)')

ACT = re.compile(r'expel|expuls|non-grata|recall|withdr|clos|seal|cap-|agrement|ordered-out')
WHOM = re.compile(r'ambassador|minister|nuncio|charge|high-commission|diplomat|staff|attache|secretary'
                  r'|mission|embass|legation|consul')


def main(argv):
    if len(argv) != 2 or argv[1] in ('-h', '--help'):
        print(__doc__.strip())
        return 0 if len(argv) == 2 else 2
    if not os.path.isdir(argv[1]):
        print(f'level-act-triggers.py: {argv[1]}: not a directory of case files', file=sys.stderr)
        return 2
    print('file\tevent\tday\tlabel\tgamma')
    for path in sorted(glob.glob(os.path.join(argv[1], '*.yaml'))):
        with open(path, encoding='utf-8') as f:
            doc = yaml.safe_load(f) or {}
        for i, e in enumerate(doc.get('events') or []):
            label = str(e.get('label', ''))
            gamma = e.get('gamma')
            if e.get('type') == 'CUSTOM' and gamma is not None and gamma < 0 \
                    and ACT.search(label) and WHOM.search(label):
                print(f"{os.path.basename(path)}\t{i}\t{e.get('day')}\t{label}\t{gamma}")
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
