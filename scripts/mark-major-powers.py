#!/usr/bin/env python3
"""Marks the major powers of scenario files by the Correlates of War project's list
(State System Membership v2016; docs/CALIBRATION-RECORD.md, twenty-ninth round): in the year the
scenario starts, the United States (from 1898), the United Kingdom, France (not 1940-44),
the Soviet Union or Russia (from 1922), China (the People's Republic, from 1950), Germany
and Japan (from 1991). Adds `majorPower: true` after the `- id:` line of each such country
that lacks it. Usage: scripts/mark-major-powers.py FILE..."""
import re
import sys


def major(cid, year):
    return ((cid == 'USA' and year >= 1898) or cid == 'GBR'
            or (cid == 'FRA' and not 1940 <= year < 1945)
            or (cid in ('SUN', 'RUS') and year >= 1922)
            or (cid == 'CHN' and year >= 1950)
            or (cid in ('DEU', 'JPN') and year >= 1991))


for path in sys.argv[1:]:
    lines = open(path).read().split('\n')
    start = next(l for l in lines if re.match(r'^start:\s*', l))
    year = int(re.search(r'(\d{4})', start).group(1))
    out, section, changed = [], None, False
    for i, line in enumerate(lines):
        out.append(line)
        top = re.match(r'^(\w+):', line)
        if top:
            section = top.group(1)
        m = re.match(r'^(\s*)- id: (\w+)\s*(#.*)?$', line)
        if section == 'countries' and m and major(m.group(2), year):
            indent = m.group(1) + '  '
            j = i + 1
            block = []
            while j < len(lines) and lines[j].startswith(indent) and not re.match(r'^\s*- ', lines[j]):
                block.append(lines[j]); j += 1
            if not any(re.match(r'^\s*majorPower:', b) for b in block):
                out.append(indent + 'majorPower: true')
                changed = True
    if changed:
        open(path, 'w').write('\n'.join(out))
        print('marked', path)
