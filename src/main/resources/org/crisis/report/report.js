// The report's own script (crisis report): values on hover in the charts, and the replay of
// runs. Hand-written, no library, nothing fetched; the page's content security policy allows
// this script alone, by its hash. The page reads the same without it.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';

  // --- numbers as the report's tables write them (Format.number, Format.percent) ----------

  function strip(s) {
    if (s.indexOf('.') < 0) return s;
    s = s.replace(/0+$/, '');
    return s.charAt(s.length - 1) === '.' ? s.slice(0, -1) : s;
  }

  function number(x) {
    if (x === null || x === undefined || isNaN(x)) return '\u2013';
    if (!isFinite(x)) return x > 0 ? '\u221e' : '-\u221e';
    if (x === Math.round(x) && Math.abs(x) < 1e9) return String(x);
    var a = Math.abs(x);
    if (a >= 1000) return x.toFixed(0);
    if (a >= 100) return x.toFixed(1);
    if (a >= 10) return x.toFixed(2);
    if (a >= 0.001) return strip(x.toFixed(3));
    return x.toPrecision(2);
  }

  function percent(p) {
    if (p === null || p === undefined || isNaN(p)) return '\u2013';
    return (p * 100).toFixed(1) + '\u00a0%';
  }

  function grouped(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  /** The calendar date of day d of a run that starts on start (YYYY-MM-DD), or ''. */
  function date(start, d) {
    if (!start) return '';
    var p = start.split('-');
    var t = new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
    t.setUTCDate(t.getUTCDate() + d);
    return t.toISOString().slice(0, 10);
  }

  function svgElement(name, attributes) {
    var e = document.createElementNS(SVG, name);
    for (var k in attributes) {
      if (Object.prototype.hasOwnProperty.call(attributes, k)) e.setAttribute(k, attributes[k]);
    }
    return e;
  }

  function titled(e, text) {
    var t = document.createElementNS(SVG, 'title');
    t.textContent = text;
    e.appendChild(t);
    return e;
  }

  // --- the tooltip -------------------------------------------------------------------------

  var tip = document.createElement('div');
  tip.className = 'tip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);

  /** Shows lines of text ([text, colour or null]) near the pointer. */
  function showTip(lines, clientX, clientY) {
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    lines.forEach(function (l, i) {
      var row = document.createElement('div');
      if (i === 0) row.className = 'tip-head';
      if (l[1]) {
        var sw = document.createElement('i');
        sw.className = 'swatch';
        sw.style.background = l[1];
        row.appendChild(sw);
      }
      row.appendChild(document.createTextNode(l[0]));
      tip.appendChild(row);
    });
    tip.hidden = false;
    var w = tip.offsetWidth;
    var h = tip.offsetHeight;
    var x = clientX + 14;
    var y = clientY + 14;
    if (x + w > window.innerWidth - 4) x = Math.max(4, clientX - w - 14);
    if (y + h > window.innerHeight - 4) y = Math.max(4, clientY - h - 14);
    tip.style.left = (x + window.scrollX) + 'px';
    tip.style.top = (y + window.scrollY) + 'px';
  }

  function hideTip() {
    tip.hidden = true;
  }

  // --- values on hover in the charts ------------------------------------------------------

  /** The pointer's position in the SVG's own units. */
  function local(svg, event) {
    var m = svg.getScreenCTM();
    if (!m) return null;
    var p = svg.createSVGPoint();
    p.x = event.clientX;
    p.y = event.clientY;
    return p.matrixTransform(m.inverse());
  }

  function hover(svg) {
    var h;
    try {
      h = JSON.parse(svg.getAttribute('data-hover'));
    } catch (e) {
      return;
    }
    var area = {x: h.a[0], y: h.a[1], w: h.a[2], h: h.a[3]};
    // a line without x has the x of the line before it
    var x = null;
    (h.s || []).forEach(function (s) {
      if (s.x) x = s.x; else s.x = x;
    });
    var guide = svgElement('line', {'class': 'hover-guide', y1: area.y, y2: area.y + area.h, x1: -10, x2: -10});
    guide.style.display = 'none';
    svg.appendChild(guide);

    function toX(v) {
      var f = (v - h.x[0]) / (h.x[1] - h.x[0]);
      return area.x + (h.x[2] ? 1 - f : f) * area.w;
    }
    function toY(v) {
      var f = (v - h.y[0]) / (h.y[1] - h.y[0]);
      return area.y + (h.y[2] ? f : 1 - f) * area.h;
    }
    function fromX(u) {
      var f = (u - area.x) / area.w;
      return h.x[0] + (h.x[2] ? 1 - f : f) * (h.x[1] - h.x[0]);
    }
    function value(v) {
      return h.pct ? percent(v) : number(v);
    }
    function head(v) {
      if (h.xn === 'day') {
        var d = date(h.start, Math.round(v));
        return 'day ' + Math.round(v) + (d ? ', ' + d : '');
      }
      if (h.xn === 'replications') return grouped(Math.round(v)) + ' replications';
      return h.xn + ' = ' + number(v);
    }
    /** The index of the point of xs shown for v: the nearest, or the last at or before it (steps). */
    function at(xs, v) {
      var lo = 0;
      var hi = xs.length - 1;
      if (hi < 0) return -1;
      if (v < xs[0]) return h.steps ? -1 : 0;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (xs[mid] <= v) lo = mid; else hi = mid - 1;
      }
      if (!h.steps && lo + 1 < xs.length && xs[lo + 1] - v < v - xs[lo]) lo++;
      if (h.steps) {
        while (lo + 1 < xs.length && xs[lo + 1] === xs[lo]) lo++;
      }
      return lo;
    }

    function lines(u, event) {
      var v = fromX(u.x);
      if (h.xn === 'day' || h.xn === 'replications') v = Math.round(v);
      var shownX = v;
      var out = [];
      h.s.forEach(function (s, k) {
        var i = at(s.x, v);
        if (i < 0) return;
        if (k === 0 && !h.steps) shownX = s.x[i];
        var text = (s.l ? s.l + ': ' : '') + value(s.y[i]);
        var bands = (s.b || []).filter(function (b) {
          return b.lo[i] !== null && b.hi[i] !== null;
        }).map(function (b) {
          return (b.n ? b.n + ': ' : '') + value(b.lo[i]) + ' to ' + value(b.hi[i]);
        });
        if (bands.length) text += ' (' + bands.join('; ') + ')';
        out.push([text, s.c]);
      });
      if (!out.length) return hideTip();
      out.unshift([head(shownX), null]);
      guide.setAttribute('x1', toX(shownX));
      guide.setAttribute('x2', toX(shownX));
      guide.style.display = '';
      showTip(out, event.clientX, event.clientY);
    }

    function marks(u, event) {
      var best = [];
      var bestD = 9;
      h.m.forEach(function (m) {
        var d = Math.hypot(toX(m[0]) - u.x, toY(m[1]) - u.y);
        if (d < bestD - 0.5) {
          best = [m];
          bestD = d;
        } else if (Math.abs(d - bestD) <= 0.5) {
          best.push(m);
        }
      });
      if (!best.length) return hideTip();
      var out = [];
      best.slice(0, 6).forEach(function (m, k) {
        m[3].split('\n').forEach(function (t, j) {
          out.push([t, j === 0 ? m[2] : null]);
        });
      });
      if (best.length > 6) out.push(['\u2026 and ' + (best.length - 6) + ' more here', null]);
      out.unshift([head(best[0][0]), null]);
      showTip(out, event.clientX, event.clientY);
    }

    svg.addEventListener('mousemove', function (event) {
      var u = local(svg, event);
      if (!u || u.x < area.x || u.x > area.x + area.w || u.y < area.y - 4 || u.y > area.y + area.h + 4) {
        guide.style.display = 'none';
        return hideTip();
      }
      if (h.s) lines(u, event); else if (h.m) marks(u, event);
    });
    svg.addEventListener('mouseleave', function () {
      guide.style.display = 'none';
      hideTip();
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('svg[data-hover]'), hover);

  // --- the replay --------------------------------------------------------------------------

  var view = document.getElementById('replay-view');
  var source = document.getElementById('replay-data');
  if (view && source) replay(view, JSON.parse(source.textContent));

  function replay(view, data) {
    var svg = document.getElementById('replay-svg');
    var slider = document.getElementById('replay-day');
    var when = document.getElementById('replay-when');
    var play = document.getElementById('replay-play');
    var runs = document.getElementById('replay-run');
    var speed = document.getElementById('replay-speed');
    var list = document.getElementById('replay-events');
    var summary = document.getElementById('replay-summary');
    var SEVERED = 0, DOWNGRADED = 1, NORMAL = 2;
    var FADE = 7;
    // arrows: scripted triggers, and each type of statement in the colour the report gave it (data.marks)
    var MARKS = [['trigger', '#222222']].concat(data.marks);
    var MARK = Object.create(null);
    MARKS.forEach(function (m, i) {
      MARK[m[0]] = i;
    });

    // the circle: countries in the order the report chose (blocs side by side), from the top
    var n = data.countries.length;
    var W = 640, H = 600, cx = 320, cy = 300;
    var radius = n <= 1 ? 0 : Math.min(245, Math.max(150, 40 + 10 * n));
    var nodeR = n > 30 ? 11 : n > 20 ? 14 : 17;
    var place = {};
    data.countries.forEach(function (c, i) {
      var angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
      place[c[0]] = {x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), country: c};
    });
    function key(a, b) {
      return a < b ? a + '-' + b : b + '-' + a;
    }
    var tracked = {};
    data.tracked.forEach(function (p, k) {
      tracked[key(p[0], p[1])] = k;
    });

    var defs = svgElement('defs', {});
    MARKS.forEach(function (m, i) {
      var marker = svgElement('marker', {id: 'replay-arrow-' + i, viewBox: '0 0 10 10', refX: 9, refY: 5,
        markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'});
      marker.appendChild(svgElement('path', {d: 'M0,0 L10,5 L0,10 z', fill: m[1]}));
      defs.appendChild(marker);
    });
    svg.appendChild(defs);
    var edgeLayer = svgElement('g', {'class': 'edges'});
    var markLayer = svgElement('g', {'class': 'marks'});
    var nodeLayer = svgElement('g', {'class': 'nodes'});
    svg.appendChild(edgeLayer);
    svg.appendChild(markLayer);
    svg.appendChild(nodeLayer);
    var nodes = {};
    data.countries.forEach(function (c) {
      var p = place[c[0]];
      var g = svgElement('g', {'class': 'node', 'data-country': c[0]});
      g.appendChild(svgElement('circle', {cx: p.x, cy: p.y, r: nodeR}));
      var label = svgElement('text', {x: p.x, y: p.y, 'text-anchor': 'middle', 'dominant-baseline': 'central'});
      label.textContent = c[0].length > 4 ? c[0].slice(0, 4) : c[0];
      g.appendChild(label);
      var t = titled(g, '');
      nodes[c[0]] = {g: g, title: t.lastChild};
      nodeLayer.appendChild(g);
    });

    var run = null;
    var timer = null;

    /** Levels of every pair not at NORMAL, at the start (index 0) and at the end of each day (index d + 1). */
    function load(k) {
      run = data.runs[k];
      var now = {};
      run.initial.forEach(function (r) {
        now[key(r[0], r[1])] = r[2];
      });
      run.states = [Object.assign({}, now)];
      var c = 0;
      for (var d = 0; d <= run.last; d++) {
        while (c < run.changes.length && run.changes[c][0] === d) {
          var ch = run.changes[c++];
          if (ch[3] === NORMAL) delete now[key(ch[1], ch[2])]; else now[key(ch[1], ch[2])] = ch[3];
        }
        run.states.push(Object.assign({}, now));
      }
      run.byDay = {};
      run.byId = {};
      run.events.forEach(function (e) {
        (run.byDay[e[1]] = run.byDay[e[1]] || []).push(e);
        run.byId[e[0]] = e;
      });
      slider.max = run.last;
      if (+slider.value > run.last) slider.value = run.last;
    }

    function grievance(k, d) {
      var g = run.grievance[k];
      if (!g) return null;
      if (d < 0) return g.start;
      return [g.ab[d], g.ba[d]];
    }

    function dayText(d) {
      if (d < 0) return 'start (the scenario\u2019s relations, before day 0)';
      var t = date(data.start, d);
      return 'day ' + d + (t ? ', ' + t : '') + ' (end of the day)';
    }

    function edge(a, b, level, k, d) {
      var p = place[a];
      var q = place[b];
      if (!p || !q) return;
      var width = level === SEVERED ? 2.6 : level === DOWNGRADED ? 2 : 1.5;
      var text = a + '\u2013' + b + ': ' + data.levels[level];
      var g = null;
      if (k !== undefined) {
        g = grievance(k, d);
        var pair = data.tracked[k];
        if (g && g[0] !== null && g[1] !== null) {
          width = 1.5 + 9 * Math.max(g[0], g[1]);
          text += '; grievance ' + pair[0] + ' against ' + pair[1] + ' ' + number(g[0]) + ', ' + pair[1] + ' against ' + pair[0] + ' ' + number(g[1]);
        }
        a = pair[0];
        b = pair[1];
      } else {
        text += ' (grievance not recorded: not a tracked pair)';
      }
      var line = svgElement('line', {x1: p.x, y1: p.y, x2: q.x, y2: q.y, 'class': 'edge' + (k !== undefined ? ' tracked' : ''),
        stroke: level === NORMAL ? '#b8b8b8' : data.levelColours[level], 'stroke-width': width.toFixed(2),
        'data-pair': a + '-' + b, 'data-level': data.levels[level]});
      if (g && g[0] !== null && g[1] !== null) line.setAttribute('data-grievance', Math.max(g[0], g[1]).toFixed(4));
      edgeLayer.appendChild(titled(line, text));
    }

    function arrow(e, age) {
      var p = place[e[2]];
      var q = place[e[3]];
      if (!p || !q || e[2] === e[3]) return;
      var m = e[6] === 'statement' && e[5] in MARK ? MARK[e[5]] : 0;
      var colour = MARKS[m][1];
      var dx = q.x - p.x, dy = q.y - p.y, len = Math.hypot(dx, dy) || 1;
      // from rim to rim, bowed to the side so it does not hide the pair's line
      var x1 = p.x + dx / len * (nodeR + 2), y1 = p.y + dy / len * (nodeR + 2);
      var x2 = q.x - dx / len * (nodeR + 3), y2 = q.y - dy / len * (nodeR + 3);
      var bow = Math.min(40, len * 0.18);
      var mx = (x1 + x2) / 2 - dy / len * bow, my = (y1 + y2) / 2 + dx / len * bow;
      var path = svgElement('path', {d: 'M' + x1.toFixed(1) + ',' + y1.toFixed(1) + ' Q' + mx.toFixed(1) + ',' + my.toFixed(1)
        + ' ' + x2.toFixed(1) + ',' + y2.toFixed(1), 'class': 'mark mark-' + m, stroke: colour,
        'marker-end': 'url(#replay-arrow-' + m + ')', 'data-event': e[0]});
      path.style.opacity = String(1 - age / FADE);
      markLayer.appendChild(titled(path, 'day ' + e[1] + ': ' + e[9]));
    }

    function draw() {
      var d = +slider.value;
      var state = run.states[d + 1];
      while (edgeLayer.firstChild) edgeLayer.removeChild(edgeLayer.firstChild);
      while (markLayer.firstChild) markLayer.removeChild(markLayer.firstChild);
      var severed = 0, downgraded = 0;
      // CORDIAL, ALLIED, DOWNGRADED, then SEVERED on top (as the report's network panels draw them)
      var rank = [3, 2, -1, 0, 1];
      var order = Object.keys(state).sort(function (x, y) {
        return rank[state[x]] - rank[state[y]] || (x < y ? -1 : x > y ? 1 : 0);
      });
      data.tracked.forEach(function (p, k) {
        if (!(key(p[0], p[1]) in state)) edge(p[0], p[1], NORMAL, k, d);
      });
      order.forEach(function (id) {
        var level = state[id];
        if (level === SEVERED) severed++;
        if (level === DOWNGRADED) downgraded++;
        var pair = pairOf(id);
        edge(pair[0], pair[1], level, tracked[id], d);
      });
      // marks of the last FADE days: triggers and third parties' statements; rings: domestic events
      var ringed = {};
      for (var past = Math.max(0, d - FADE + 1); past <= d && d >= 0; past++) {
        (run.byDay[past] || []).forEach(function (e) {
          if (e[6] === 'statement' || e[6] === 'trigger') arrow(e, d - past);
          if (e[6] === 'domestic' && !(e[2] in ringed)) ringed[e[2]] = e;
        });
      }
      data.countries.forEach(function (c) {
        var node = nodes[c[0]];
        var ring = ringed[c[0]];
        node.g.setAttribute('class', 'node' + (ring ? ' ringed' : ''));
        node.title.textContent = c[0] + (c[1] !== c[0] ? ' ' + c[1] : '') + (c[2] ? '\nblocs: ' + c[2] : '')
          + (ring ? '\nday ' + ring[1] + ': ' + ring[9] : '');
      });
      when.textContent = dayText(d);
      summary.textContent = 'Run ' + run.run + ', ' + dayText(d) + ': ' + severed + ' severed and ' + downgraded
        + ' downgraded pairs.';
      events(d);
    }

    function pairOf(id) {
      // ids may hold '-': find the split that names two countries
      for (var i = id.indexOf('-'); i >= 0; i = id.indexOf('-', i + 1)) {
        var a = id.slice(0, i), b = id.slice(i + 1);
        if (place[a] && place[b]) return [a, b];
      }
      return [id, id];
    }

    function line(e) {
      var t = date(data.start, e[1]);
      return 'day ' + e[1] + (t ? '  ' + t : '') + '  ' + e[9];
    }

    function events(d) {
      while (list.firstChild) list.removeChild(list.firstChild);
      var heading = document.createElement('h4');
      var today = d < 0 ? [] : run.byDay[d] || [];
      heading.textContent = d < 0 ? 'Before day 0' : 'Events of day ' + d + (date(data.start, d) ? ', ' + date(data.start, d) : '')
        + ': ' + today.length;
      list.appendChild(heading);
      if (!today.length) {
        var none = document.createElement('p');
        none.className = 'note';
        none.textContent = d < 0 ? 'The scenario\u2019s relations as listed, before any event.' : 'No event on this day.';
        list.appendChild(none);
        return;
      }
      var ol = document.createElement('ol');
      today.slice(0, 300).forEach(function (e) {
        var li = document.createElement('li');
        li.setAttribute('data-event', e[0]);
        var sw = document.createElement('i');
        sw.className = 'swatch';
        sw.style.background = data.kindColours[e[7]];
        sw.title = data.kinds[e[7]];
        li.appendChild(sw);
        var what = document.createElement('span');
        what.textContent = e[9] + (e[10] >= 0 && e[11] >= 0 && e[10] !== e[11]
          ? '  (' + data.levels[e[11]] + ' \u2192 ' + data.levels[e[10]] + ')' : '');
        li.appendChild(what);
        // the chain of causes, back to the trigger
        var chain = [];
        var seen = {};
        for (var c = run.byId[e[8]]; c && !seen[c[0]] && chain.length < 12; c = run.byId[c[8]]) {
          seen[c[0]] = true;
          chain.push(c);
        }
        if (chain.length) {
          var ul = document.createElement('ul');
          ul.className = 'chain';
          chain.forEach(function (c) {
            var item = document.createElement('li');
            item.textContent = 'answers ' + line(c);
            ul.appendChild(item);
          });
          if (run.byId[chain[chain.length - 1][8]]) {
            var more = document.createElement('li');
            more.textContent = '\u2026';
            ul.appendChild(more);
          }
          li.appendChild(ul);
        }
        ol.appendChild(li);
      });
      list.appendChild(ol);
      if (today.length > 300) {
        var cut = document.createElement('p');
        cut.className = 'note';
        cut.textContent = 'Showing 300 of ' + today.length + ' events; all are in events.csv.';
        list.appendChild(cut);
      }
    }

    function stop() {
      if (timer !== null) {
        clearInterval(timer);
        timer = null;
      }
      play.textContent = 'Play';
      play.setAttribute('aria-pressed', 'false');
    }

    function start() {
      if (+slider.value >= run.last) slider.value = -1;
      play.textContent = 'Pause';
      play.setAttribute('aria-pressed', 'true');
      timer = setInterval(function () {
        var d = +slider.value;
        if (d >= run.last) return stop();
        slider.value = d + 1;
        draw();
      }, 1000 / (+speed.value || 10));
    }

    play.addEventListener('click', function () {
      if (timer === null) start(); else stop();
    });
    speed.addEventListener('change', function () {
      if (timer !== null) {
        stop();
        start();
      }
    });
    slider.addEventListener('input', draw);
    runs.addEventListener('change', function () {
      load(+runs.value);
      draw();
    });

    load(+runs.value || 0);
    draw();
    view.hidden = false;
    var fallback = document.getElementById('replay-fallback');
    if (fallback) fallback.hidden = true;
  }
})();
