/* Draws the report from the JSON in #report-data: one renderer per section key (SECTIONS below),
   the counterpart of HtmlReport.SECTIONS on the Java side. Charts are Apache ECharts with the SVG
   renderer (sharp in print); each has a title, named axes, an aria label and its numbers as a table. */
(function () {
  'use strict';

  // Okabe-Ito: distinguishable with the common colour-vision deficiencies
  var OI = { black: '#000000', orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442',
             blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7' };
  var PALETTE = [OI.blue, OI.orange, OI.green, OI.vermillion, OI.purple, OI.sky, OI.yellow, '#999999'];
  var OUTCOMES = [['SUCCESS', 'success', OI.green], ['FAILED', 'failed', OI.vermillion],
                  ['ABANDONED', 'abandoned', OI.orange], ['IN_PROGRESS', 'in progress', OI.sky]];

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var charts = [];

  // ---- formatting: fixed locale, so the page reads the same everywhere

  function count(n) { return n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US'); }
  function percent(p) { return p === null || p === undefined ? '–' : Number(p).toFixed(2) + '%'; }
  function duration(ms) {
    if (ms === null || ms === undefined) { return '–'; }
    if (ms < 1000) { return ms + ' ms'; }
    var s = ms / 1000;
    if (s < 60) { return s.toFixed(1) + ' s'; }
    var m = Math.floor(s / 60);
    if (m < 60) { return m + ' min ' + Math.round(s - m * 60) + ' s'; }
    return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }

  // ---- DOM helpers

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
    return e;
  }

  /** A table; columns: [label, function(row) -> text, numeric?, json key shown (for the browser test)]. */
  function table(caption, columns, rows) {
    var head = el('tr', {}, columns.map(function (c) {
      return el('th', { scope: 'col', 'class': c[2] ? 'num' : '', text: c[0] });
    }));
    var body = rows.map(function (r, i) {
      return el('tr', {}, columns.map(function (c) {
        var attrs = { 'class': c[2] ? 'num' : (c[4] || ''), text: c[1](r) };
        if (c[3]) { attrs['data-json'] = c[3].replace('#', i); }
        return el('td', attrs);
      }));
    });
    return el('table', {}, [el('caption', { 'class': 'note', text: caption }), el('thead', {}, [head]),
      el('tbody', {}, body)]);
  }

  /** A chart with its text alternatives: aria label on the drawing, the numbers as a table below. */
  function figure(name, caption, alt, option, height, dataTable) {
    var box = el('div', { 'class': 'chart', role: 'img', 'aria-label': alt, 'data-chart': name });
    if (height) { box.style.height = height + 'px'; }
    var fig = el('figure', {}, [box, el('figcaption', { text: caption }),
      el('details', {}, [el('summary', { text: 'The numbers as a table' }), dataTable])]);
    // ECharts writes the aria label itself when aria is on: give it ours, not its generated one
    option.aria = { enabled: true, label: { description: alt } };
    charts.push({ box: box, option: option });
    return fig;
  }

  function baseOption(title, extra) {
    var o = {
      backgroundColor: 'transparent', color: PALETTE, animation: false,
      title: { text: title, left: 0, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', confine: true },
      grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true }
    };
    Object.keys(extra).forEach(function (k) { o[k] = extra[k]; });
    return o;
  }

  /** Ranked horizontal bars, the longest on top; labels: the names (truncated; full in tooltip and table). */
  function rankedBars(title, valueName, names, values, colours) {
    return baseOption(title, {
      xAxis: { type: 'value', name: valueName, nameLocation: 'middle', nameGap: 28, minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: names, name: '',
               axisLabel: { width: 320, overflow: 'truncate' } },
      series: [{ type: 'bar', name: valueName, data: values.map(function (v, i) {
        return colours ? { value: v, itemStyle: { color: colours[i] } } : v;
      }), label: { show: true, position: 'right' } }]
    });
  }

  // ---- the flow graph: hand-written SVG (ECharts' graph series lays out by force or circle and has no
  // layered placement or back-edge routing); columns and rows come from GraphLayout on the Java side

  var SVG = 'http://www.w3.org/2000/svg';
  // failure rate → fill: ColorBrewer's single-hue Reds (readable by lightness alone, so colour-blind safe)
  var FAIL_FILLS = ['#ffffff', '#fee5d9', '#fcbba1', '#fc9272', '#fb6a4a', '#ef3b2c', '#cb181d'];
  var FAIL_LIMITS = [5, 10, 15, 20, 30];
  var drawn = 0;

  function shade(rate) {
    if (rate === null || rate === undefined || Number(rate) === 0) { return 0; }
    var i = 0;
    while (i < FAIL_LIMITS.length && Number(rate) > FAIL_LIMITS[i]) { i++; }
    return i + 1;
  }

  function svg(tag, attrs, children) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(c); } });
    return e;
  }

  function clip(text, n) { return text.length <= n ? text : text.slice(0, n - 1) + '\u2026'; }

  function flowGraph(d, alt) {
    var W = 150, H = 56, COL = 215, ROW = 78, PAD = 16, TOP = 40;
    var at = {}, columns = 0, rows = 0;
    d.nodes.forEach(function (n) {
      at[n.step] = { x: PAD + n.column * COL, y: TOP + n.row * ROW, node: n };
      columns = Math.max(columns, n.column + 1); rows = Math.max(rows, n.row + 1);
    });
    var bottom = TOP + (rows - 1) * ROW + H;
    var max = d.edges.reduce(function (m, e) { return Math.max(m, e.count || 0); }, 1);
    // --min-cohort: a suppressed edge or node keeps its place and name, dashed and without numbers
    var hidden = '<' + d.min_cohort;
    var backs = 0;
    var edges = d.edges.map(function (e, i) {
      var a = at[e.from], b = at[e.to], p;
      if (e.from === e.to) {
        p = [[a.x + W * 0.7, a.y], [a.x + W * 0.8, a.y - 34], [a.x + W * 0.2, a.y - 34], [a.x + W * 0.3, a.y]];
      } else if (b.node.column > a.node.column) {
        var dx = (b.x - a.x - W) / 2;
        p = [[a.x + W, a.y + H / 2], [a.x + W + dx, a.y + H / 2], [b.x - dx, b.y + H / 2], [b.x, b.y + H / 2]];
      } else if (b.node.column === a.node.column) {
        // within one column: a bend out to the left, in the gap before the column
        p = [[a.x, a.y + H / 2], [a.x - 40, a.y + H / 2], [b.x - 40, b.y + H / 2], [b.x, b.y + H / 2]];
      } else {
        var low = bottom + 24 + 14 * (backs++);
        p = [[a.x + W / 2, a.y + H], [a.x + W / 2, low], [b.x + W / 2, low], [b.x + W / 2 + 6, b.y + H]];
      }
      var mid = [(p[0][0] + 3 * p[1][0] + 3 * p[2][0] + p[3][0]) / 8, (p[0][1] + 3 * p[1][1] + 3 * p[2][1] + p[3][1]) / 8];
      var title = e.from + ' \u2192 ' + e.to + ': ' + (e.suppressed ? 'from fewer than ' + d.min_cohort + ' people, not counted'
        : count(e.count) + ' runs' + (e.median_ms === null ? '' : ', median gap ' + duration(e.median_ms)));
      return svg('g', { 'class': 'edge' + (e.suppressed ? ' suppressed' : ''), 'data-edge': String(i) }, [svg('title', { text: title }),
        svg('path', { d: 'M' + p[0] + ' C' + p[1] + ' ' + p[2] + ' ' + p[3], 'stroke-width': (1 + 5 * (e.count || 0) / max).toFixed(1),
                      'marker-end': 'url(#flow-arrow)' }),
        e.suppressed ? null : svg('text', { x: mid[0].toFixed(1), y: (mid[1] - 4).toFixed(1), 'text-anchor': 'middle', text: count(e.count) })]);
    });
    var nodes = d.nodes.map(function (n) {
      var a = at[n.step], pseudo = n.step === 'start' || n.step.indexOf('end:') === 0, s = pseudo ? 0 : shade(n.failure_rate);
      var cls = 'node' + (pseudo ? ' pseudo' : '') + (s >= 5 ? ' dark' : '') + (n.step === 'end:FAILED' ? ' failed' : '') +
        (n.step === 'end:SUCCESS' ? ' succeeded' : '');
      var lines = n.suppressed ? [hidden + (pseudo ? ' runs' : ' events')] : pseudo ? [count(n.count) + (n.count === 1 ? ' run' : ' runs')]
        : [count(n.count) + (n.count === 1 ? ' event' : ' events'), percent(n.failure_rate) + ' failed'];
      return svg('g', { 'class': cls + (n.suppressed ? ' suppressed' : '') }, [svg('title', { text: n.step + ': ' + lines.join(', ') }),
        svg('rect', { x: a.x, y: a.y, width: W, height: H, rx: pseudo ? H / 2 : 5, fill: pseudo ? null : FAIL_FILLS[s] }),
        svg('text', { x: a.x + W / 2, y: a.y + 17, 'text-anchor': 'middle', 'class': 'step', text: clip(n.step, 22) })]
        .concat(lines.map(function (l, i) {
          return svg('text', { x: a.x + W / 2, y: a.y + 33 + 14 * i - (pseudo ? -3 : 0), 'text-anchor': 'middle', text: l });
        })));
    });
    nodes.forEach(function (g) { var r = g.querySelector('rect'); if (!r.getAttribute('fill')) { r.removeAttribute('fill'); } });
    var legendY = bottom + 24 + 14 * backs + 16;
    var legend = svg('g', { 'class': 'legend' }, [svg('text', { x: PAD, y: legendY + 11, text: 'share of a step\u2019s events that failed:' })]
      .concat(FAIL_FILLS.map(function (f, i) {
        var x = PAD + 240 + i * 92;
        return svg('g', {}, [svg('rect', { x: x, y: legendY, width: 16, height: 14, fill: f }),
          svg('text', { x: x + 22, y: legendY + 11, text: i === 0 ? 'none' : i <= FAIL_LIMITS.length ? 'up to ' + FAIL_LIMITS[i - 1] + '%' : 'more' })]);
      })));
    var width = PAD * 2 + (columns - 1) * COL + W, height = legendY + 30;
    var drawing = svg('svg', { viewBox: '0 0 ' + Math.max(width, 900) + ' ' + height, width: '100%', role: 'img', 'aria-label': alt, 'class': 'flow' }, [
      svg('title', { text: 'Flow graph' + (d.workflow_name ? ' of ' + d.workflow_name : '') }),
      svg('defs', {}, [svg('marker', { id: 'flow-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9,
        markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }, [svg('path', { d: 'M0,0 L10,5 L0,10 z' })])]),
      svg('g', {}, edges), svg('g', {}, nodes), legend]);
    drawn++;
    return el('div', { 'class': 'graph', 'data-chart': 'graph' }, [el('p', { 'class': 'chart-title', text: 'Flow graph' +
      (d.workflow_name ? ' of ' + d.workflow_name : ' of every workflow') }), drawing]);
  }

  // ---- the sections, by the key HtmlReport gives them

  var SECTIONS = {
    summary: function (d) {
      var t = d.totals;
      var labels = { total_events: 'events', total_sessions: 'sessions', total_workflows: 'workflow runs',
        total_actors: 'actors', total_machines: 'machines', total_tools: 'tools', ci_event_share: 'events from CI',
        rejected_lines: 'rejected lines (all ingests)', ignored_records: 'ignored records (all ingests)',
        flow_events: 'flow events', identity_links: 'identity links' };
      var tiles = el('dl', { 'class': 'tiles' }, Object.keys(labels).map(function (k) {
        return el('div', { 'class': 'tile' }, [el('dt', { text: labels[k] }),
          el('dd', { 'data-json': 'summary.totals.' + k, text: k === 'ci_event_share' ? percent(t[k]) : count(t[k]) })]);
      }));
      var rows = OUTCOMES.map(function (o) {
        var n = d.outcomes[o[0]];
        return { key: o[0], label: o[1], colour: o[2], runs: n,
                 share: t.total_workflows ? (100 * n / t.total_workflows) : null };
      });
      var outcome = figure('outcomes', 'Workflow runs by outcome.',
        'Bar chart of workflow runs by outcome: ' + rows.map(function (r) { return r.label + ' ' + count(r.runs); }).join(', ') + '.',
        rankedBars('Workflow runs by outcome', 'workflow runs', rows.map(function (r) { return r.label; }),
          rows.map(function (r) { return r.runs; }), rows.map(function (r) { return r.colour; })),
        220,
        table('Workflow runs by outcome', [['outcome', function (r) { return r.label; }],
          ['runs', function (r) { return count(r.runs); }, true],
          ['share of runs', function (r) { return percent(r.share); }, true]], rows));
      var rec = d.recovery;
      var recovery = el('dl', { 'class': 'tiles' }, [
        ['failed runs', 'failed_runs', count], ['recovered later', 'recovered_runs', count],
        ['recovery rate', 'recovery_rate', percent], ['median time to recover', 'median_time_to_recover_ms', duration]
      ].map(function (f) {
        return el('div', { 'class': 'tile' }, [el('dt', { text: f[0] }),
          el('dd', { 'data-json': 'summary.recovery.' + f[1], text: f[2](rec[f[1]]) })]);
      }));
      return [tiles, el('h3', { text: 'Outcomes' }), outcome, el('h3', { text: 'Recovery' }),
        el('p', { 'class': 'note', text: 'A failed run is recovered when the same actor succeeds at the same workflow later in the session.' }),
        recovery];
    },

    trends: function (d) {
      if (!d.points.length) { return [el('p', { 'class': 'note', text: 'No workflow runs in scope.' })]; }
      var per = d.unit === 'week' ? 'per week (weeks start on Monday, UTC)' : 'per day (UTC)';
      var buckets = d.points.map(function (p) { return p.bucket; });
      var option = baseOption('Workflow runs and success rate ' + (d.unit === 'week' ? 'per week' : 'per day'), {
        legend: { top: 24, right: 0 },
        grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: buckets, name: d.unit === 'week' ? 'week starting' : 'day', nameLocation: 'middle', nameGap: 42 },
        yAxis: [{ type: 'value', name: 'workflow runs', minInterval: 1 },
                { type: 'value', name: 'success rate (%)', min: 0, max: 100, splitLine: { show: false } }],
        series: [
          { type: 'bar', name: 'workflow runs', data: d.points.map(function (p) { return p.runs; }), itemStyle: { color: OI.sky } },
          { type: 'line', name: 'success rate (%)', yAxisIndex: 1, symbolSize: 6, connectNulls: false,
            data: d.points.map(function (p) { return p.success_rate; }), itemStyle: { color: OI.blue },
            lineStyle: { width: 2 } }]
      });
      var total = d.points.reduce(function (a, p) { return a + p.runs; }, 0);
      return [figure('trends', 'Workflow runs started ' + per + ' (bars) and the share of them that succeeded (line).',
        'Chart of workflow runs ' + per + ' from ' + buckets[0] + ' to ' + buckets[buckets.length - 1] + ': ' +
          count(total) + ' runs in ' + buckets.length + ' ' + d.unit + 's.', option, 360,
        table('Runs ' + per, [[d.unit, function (p) { return p.bucket; }],
          ['runs', function (p) { return count(p.runs); }, true],
          ['succeeded', function (p) { return count(p.success_count); }, true],
          ['failed', function (p) { return count(p.failed_count); }, true],
          ['success rate', function (p) { return percent(p.success_rate); }, true]], d.points))];
    },

    workflows: function (d) {
      var w = d.workflows;
      if (!w.length) { return [el('p', { 'class': 'note', text: 'No workflow runs in scope.' })]; }
      var names = w.map(function (x) { return x.workflow_name; });
      var rates = figure('success_rates', 'Share of each workflow\u2019s runs that succeeded.',
        'Bar chart of success rate by workflow: ' + w.map(function (x) { return x.workflow_name + ' ' + percent(x.success_rate); }).join(', ') + '.',
        (function () {
          var o = rankedBars('Success rate by workflow', 'success rate (%)', names, w.map(function (x) { return x.success_rate; }));
          o.xAxis.max = 100; o.xAxis.minInterval = 0; o.series[0].itemStyle = { color: OI.green };
          return o;
        })(), 60 + 30 * w.length,
        table('Success rate by workflow', [['workflow', function (x) { return x.workflow_name; }],
          ['success rate', function (x) { return percent(x.success_rate); }, true]], w));
      var withBox = w.filter(function (x) { return x.durations_ms; });
      var boxes = figure('durations', 'Durations of successful runs: the box spans the middle half (25th to 75th percentile), the line inside is the median, the whiskers reach the 5th and 95th percentiles.',
        'Box plot of successful run durations by workflow: ' + withBox.map(function (x) { return x.workflow_name + ' median ' + duration(x.durations_ms.median); }).join(', ') + '.',
        baseOption('Duration of successful runs (seconds)', {
          tooltip: { trigger: 'item', confine: true, formatter: function (p) {
            var b = withBox[p.dataIndex].durations_ms;
            return p.name + '<br>95th: ' + duration(b.p95) + '<br>75th: ' + duration(b.p75) + '<br>median: ' +
              duration(b.median) + '<br>25th: ' + duration(b.p25) + '<br>5th: ' + duration(b.p5);
          } },
          xAxis: { type: 'value', name: 'seconds', nameLocation: 'middle', nameGap: 28, scale: true },
          yAxis: { type: 'category', inverse: true, data: withBox.map(function (x) { return x.workflow_name; }),
                   axisLabel: { width: 200, overflow: 'truncate' } },
          series: [{ type: 'boxplot', name: 'duration', itemStyle: { color: 'rgba(86,180,233,0.35)', borderColor: OI.blue },
            data: withBox.map(function (x) {
              var b = x.durations_ms;
              return [b.p5, b.p25, b.median, b.p75, b.p95].map(function (v) { return v / 1000; });
            }) }]
        }), 60 + 34 * Math.max(withBox.length, 1),
        table('Durations of successful runs', [['workflow', function (x) { return x.workflow_name; }],
          ['runs', function (x) { return count(x.durations_ms.successful_runs); }, true],
          ['5th', function (x) { return duration(x.durations_ms.p5); }, true],
          ['25th', function (x) { return duration(x.durations_ms.p25); }, true],
          ['median', function (x) { return duration(x.durations_ms.median); }, true],
          ['75th', function (x) { return duration(x.durations_ms.p75); }, true],
          ['95th', function (x) { return duration(x.durations_ms.p95); }, true]], withBox));
      var list = table('The top workflows by runs, with their most common variants (distinct step sequences, as report variants lists them).', [
        ['workflow', function (x) { return x.workflow_name; }],
        ['runs', function (x) { return count(x.total_runs); }, true, 'workflows.#.total_runs'],
        ['success rate', function (x) { return percent(x.success_rate); }, true, 'workflows.#.success_rate'],
        ['median (successful)', function (x) { return duration(x.median_duration_ms); }, true],
        ['most common variants (runs, success rate)', function (x) {
          return x.variants.map(function (v) { return v.fingerprint + '  (' + count(v.runs) + ', ' + percent(v.success_rate) + ')'; }).join('\n') +
            (x.variant_count > x.variants.length ? '\n\u2026 ' + count(x.variant_count - x.variants.length) + ' more variants' : '');
        }, false, null, 'path']], w);
      Array.prototype.forEach.call(list.querySelectorAll('td.path'), function (td) { td.style.whiteSpace = 'pre-line'; });
      return [list, el('div', { 'class': 'charts' }, [rates, boxes])];
    },

    hot_paths: function (d) {
      var fps = d.failure_hot_paths, ngrams = d.failing_ngrams;
      if (!fps.length && !ngrams.length) { return [el('p', { 'class': 'note', text: 'No failed runs in scope.' })]; }
      var errors = [];
      ngrams.forEach(function (g) { if (errors.indexOf(g.top_error_type) < 0) { errors.push(g.top_error_type); } });
      var colourOf = function (e) { return PALETTE[errors.indexOf(e) % PALETTE.length]; };
      var paths = figure('hot_paths', 'Command sequences of failed runs, by how many runs failed with them.',
        'Ranked bar chart of failure hot paths: ' + fps.map(function (f) { return f.command_fingerprint + ' ' + count(f.failure_count); }).join('; ') + '.',
        rankedBars('Failure hot paths', 'failed runs', fps.map(function (f) { return f.command_fingerprint; }),
          fps.map(function (f) { return f.failure_count; })), 60 + 30 * Math.max(fps.length, 1),
        table('Failure hot paths', [['#', function (f) { return f.rank; }, true],
          ['path', function (f) { return f.command_fingerprint; }, false, null, 'path'],
          ['workflow', function (f) { return f.workflow_name; }],
          ['failed runs', function (f) { return count(f.failure_count); }, true, 'hot_paths.failure_hot_paths.#.failure_count'],
          ['actors', function (f) { return count(f.distinct_actors); }, true]], fps));
      var seqOption = rankedBars('Failing step sequences, by error type', 'failed runs',
        ngrams.map(function (g) { return g.ngram; }), ngrams.map(function (g) { return g.failure_count; }),
        ngrams.map(function (g) { return colourOf(g.top_error_type); }));
      seqOption.series[0].label.formatter = function (p) { return p.value + '  ' + ngrams[p.dataIndex].top_error_type; };
      seqOption.series[0].label.width = 150;
      seqOption.series[0].label.overflow = 'truncate';
      seqOption.grid.right = 160;
      seqOption.tooltip.formatter = function (ps) {
        var g = ngrams[ps[0].dataIndex];
        return g.ngram + '<br>' + g.failure_count + ' of ' + g.occurrence_count + ' runs failed (' + percent(g.failure_rate) +
          ')<br>most common error: ' + g.top_error_type;
      };
      var seqs = figure('ngrams', 'Step sequences (1 to 3 steps) that most often come before a failure; the colour and label name the most common error type.',
        'Ranked bar chart of failing step sequences: ' + ngrams.map(function (g) { return g.ngram + ' ' + count(g.failure_count) + ' (' + g.top_error_type + ')'; }).join('; ') + '.',
        seqOption, 60 + 30 * Math.max(ngrams.length, 1),
        table('Failing step sequences', [['#', function (g) { return g.rank; }, true],
          ['sequence', function (g) { return g.ngram; }, false, null, 'path'],
          ['failed runs', function (g) { return count(g.failure_count); }, true, 'hot_paths.failing_ngrams.#.failure_count'],
          ['runs with it', function (g) { return count(g.occurrence_count); }, true],
          ['failure rate', function (g) { return percent(g.failure_rate); }, true, 'hot_paths.failing_ngrams.#.failure_rate'],
          ['most common error', function (g) { return g.top_error_type; }]], ngrams));
      return [el('div', { 'class': 'charts' }, [paths, seqs])];
    },

    funnels: function (d) {
      if (!d.funnels.length) {
        return [el('p', { 'class': 'note', text: 'No funnel has attempts in scope. Funnels read flow events (Segment or PostHog' +
          ' data carries them; docs/funnels.md); report funnel lists the funnels defined.' })];
      }
      var list = table('Every funnel with attempts in scope: attempts, attempts that reached the last step, and the conversion.', [
        ['funnel', function (f) { return f.funnel; }],
        ['steps', function (f) { return count(f.steps); }, true],
        ['attempts', function (f) { return count(f.attempts); }, true, 'funnels.' + '@.attempts'],
        ['completed', function (f) { return count(f.completed); }, true, 'funnels.@.completed'],
        ['failed', function (f) { return count(f.failed_attempts); }, true],
        ['conversion', function (f) { return percent(f.conversion_rate); }, true, 'funnels.@.conversion_rate']], d.funnels);
      // the row's key names the funnel (the page lists only funnels with data, so indexes would differ from the JSON's)
      Array.prototype.forEach.call(list.querySelectorAll('tbody tr'), function (tr, i) {
        Array.prototype.forEach.call(tr.querySelectorAll('[data-json]'), function (td) {
          td.setAttribute('data-json', td.getAttribute('data-json').replace('@', d.funnels[i].funnel));
        });
      });
      var figs = d.funnels.map(function (f) {
        var s = f.step_stats;
        var o = rankedBars('Funnel ' + f.funnel + ': attempts reaching each step', 'attempts',
          s.map(function (x) { return x.step + '. ' + x.name; }), s.map(function (x) { return x.reached; }));
        o.series[0].itemStyle = { color: OI.blue };
        o.series[0].label.formatter = function (p) { return count(p.value) + '  (' + percent(s[p.dataIndex].conversion_from_start) + ')'; };
        o.grid.right = 110;
        return figure('funnel_' + f.funnel, 'Attempts of ' + f.funnel + ' that reached each step, with the conversion from the first step in brackets.',
          'Bar chart of funnel ' + f.funnel + ': ' + s.map(function (x) { return x.name + ' ' + count(x.reached) + ' (' + percent(x.conversion_from_start) + ')'; }).join(', ') + '.',
          o, 60 + 34 * s.length,
          table('Steps of ' + f.funnel, [['#', function (x) { return x.step; }, true], ['step', function (x) { return x.name; }],
            ['reached', function (x) { return count(x.reached); }, true],
            ['from the previous step', function (x) { return percent(x.conversion_from_previous); }, true],
            ['from the start', function (x) { return percent(x.conversion_from_start); }, true],
            ['median time from the previous step', function (x) { return duration(x.median_ms_from_previous); }, true]], s));
      });
      return [list, el('div', { 'class': 'charts' }, figs)];
    },

    versions: function (d) {
      var v = d.versions;
      if (!v.length) { return [el('p', { 'class': 'note', text: 'No workflow runs with a tool version in scope.' })]; }
      var names = v.map(function (x) { return x.tool + ' ' + (x.version === null ? '(no version)' : x.version); });
      // a value suppressed by --min-cohort (null) is not drawn: '-' is ECharts' missing value
      var val = function (n) { return n === null ? '-' : Number(n); };
      var colour = function (x) { return x.regression ? OI.vermillion : x.compared_to === null && x.runs < d.min_runs ? '#999999' : OI.blue; };
      var flagged = v.filter(function (x) { return x.regression; });
      var option = baseOption('Success rate per tool version, with its 95% interval', {
        tooltip: { trigger: 'item', confine: true, formatter: function (p) {
          var x = v[p.dataIndex];
          return names[p.dataIndex] + '<br>' + count(x.runs) + ' runs, ' + percent(x.success_rate) + ' succeeded<br>95% interval ' +
            percent(x.ci_low) + ' to ' + percent(x.ci_high) + (x.compared_to ? '<br>compared to ' + x.compared_to : '') +
            (x.regression ? '<br><b>regression</b>' : '');
        } },
        grid: { left: 8, right: 24, top: 48, bottom: 32, containLabel: true },
        xAxis: { type: 'value', name: 'success rate (%)', nameLocation: 'middle', nameGap: 28, min: 0, max: 100 },
        yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 220, overflow: 'truncate' } },
        series: [
          { type: 'custom', name: '95% interval', encode: { x: [1, 2], y: 0 },
            data: v.map(function (x, i) { return [i, val(x.ci_low), val(x.ci_high)]; }),
            renderItem: function (params, api) {
              var lo = api.coord([api.value(1), api.value(0)]), hi = api.coord([api.value(2), api.value(0)]);
              var h = api.size([0, 1])[1] * 0.35, st = { stroke: colour(v[params.dataIndex]), lineWidth: 2 };
              return { type: 'group', children: [
                { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: st },
                { type: 'line', shape: { x1: lo[0], y1: lo[1] - h / 2, x2: lo[0], y2: lo[1] + h / 2 }, style: st },
                { type: 'line', shape: { x1: hi[0], y1: hi[1] - h / 2, x2: hi[0], y2: hi[1] + h / 2 }, style: st }] };
            } },
          { type: 'scatter', name: 'success rate', symbolSize: 10,
            data: v.map(function (x, i) { return { value: [val(x.success_rate), i], itemStyle: { color: colour(x) },
              symbol: x.regression ? 'diamond' : 'circle' }; }),
            label: { show: true, position: 'top', distance: 3, formatter: function (p) {
              var x = v[p.dataIndex]; return percent(x.success_rate) + (x.regression ? '  regression' : '');
            } } }]
      });
      var chart = figure('versions', 'Each version\u2019s success rate (dot) and its 95% Wilson interval (line). A version is a regression' +
        ' (orange-red diamond, labelled) when its interval lies below that of the version it is compared to; versions with fewer than ' + d.min_runs +
        ' runs (grey) are not compared.',
        'Dot-and-interval chart of success rate per tool version: ' + v.map(function (x, i) {
          return names[i] + ' ' + percent(x.success_rate) + ' (' + percent(x.ci_low) + ' to ' + percent(x.ci_high) + ')' + (x.regression ? ', regression' : '');
        }).join('; ') + '.', option, 100 + 34 * v.length,
        table('Versions in release order', [['tool', function (x) { return x.tool; }], ['version', function (x) { return x.version === null ? '–' : x.version; }],
          ['runs', function (x) { return count(x.runs); }, true, 'versions.versions.#.runs'],
          ['success rate', function (x) { return percent(x.success_rate); }, true, 'versions.versions.#.success_rate'],
          ['95% low', function (x) { return percent(x.ci_low); }, true, 'versions.versions.#.ci_low'],
          ['95% high', function (x) { return percent(x.ci_high); }, true, 'versions.versions.#.ci_high'],
          ['compared to', function (x) { return x.compared_to || '–'; }],
          ['regression', function (x) { return x.regression === null ? '–' : x.regression ? 'yes' : ''; }]], v));
      var verdict = el('p', { 'class': flagged.length ? 'notice' : 'note', text: flagged.length
        ? 'Regressed: ' + flagged.map(function (x) { return x.tool + ' ' + x.version + ' (' + percent(x.success_rate) + ' against ' + x.compared_to + ')'; }).join(', ') + '.'
        : v.some(function (x) { return x.suppressed; })
          ? 'No version shown regressed against the one before it; versions from fewer actors than --min-cohort are not shown.'
          : 'No version regressed against the one before it.' });
      return [verdict, chart];
    },

    workflow: function (d) {
      var tiles = el('dl', { 'class': 'tiles' }, [['runs', 'total_runs', count], ['success rate', 'success_rate', percent],
        ['median duration (successful)', 'median_duration_ms', duration], ['90th percentile', 'p90_duration_ms', duration],
        ['failed runs recovered later', 'recovered_runs', count]].map(function (f) {
        return el('div', { 'class': 'tile' }, [el('dt', { text: f[0] }), el('dd', { 'data-json': 'workflow.' + f[1], text: f[2](d[f[1]]) })]);
      }));
      var rows = OUTCOMES.map(function (o) { return { label: o[1], colour: o[2], runs: d.outcomes[o[0]] }; });
      var outcome = figure('outcomes', 'Runs of ' + d.workflow_name + ' by outcome.',
        'Bar chart of runs by outcome: ' + rows.map(function (r) { return r.label + ' ' + count(r.runs); }).join(', ') + '.',
        rankedBars('Runs by outcome', 'runs', rows.map(function (r) { return r.label; }), rows.map(function (r) { return r.runs; }),
          rows.map(function (r) { return r.colour; })), 220,
        table('Runs by outcome', [['outcome', function (r) { return r.label; }], ['runs', function (r) { return count(r.runs); }, true]], rows));
      return [tiles, outcome,
        table('Most common paths', [['path', function (p) { return p.fingerprint; }, false, null, 'path'],
          ['runs', function (p) { return count(p.runs); }, true], ['succeeded', function (p) { return count(p.success_count); }, true],
          ['failed', function (p) { return count(p.failed_count); }, true]], d.common_paths),
        table('Where runs stop (steps run)', [['steps', function (s) { return s.stopped_after_step; }, true],
          ['runs', function (s) { return count(s.runs); }, true], ['succeeded', function (s) { return count(s.SUCCESS); }, true],
          ['failed', function (s) { return count(s.FAILED); }, true], ['abandoned', function (s) { return count(s.ABANDONED); }, true]], d.stops),
        table('Error types of failed runs', [['error type', function (e) { return e.error_type === null ? '(none recorded)' : e.error_type; }, false, null, 'path'],
          ['failed runs', function (e) { return count(e.failed_runs); }, true]], d.top_error_types),
        table('Tool versions', [['tool', function (v) { return v.tool_name; }], ['version', function (v) { return v.tool_version || '–'; }],
          ['runs', function (v) { return count(v.total_runs); }, true], ['success rate', function (v) { return percent(v.success_rate); }, true]], d.tool_versions),
        table('Most recent runs', [['run', function (r) { return r.id; }, true], ['outcome', function (r) { return r.outcome; }],
          ['started (UTC)', function (r) { return r.started_at; }], ['duration', function (r) { return duration(r.duration_ms); }, true],
          ['steps', function (r) { return r.step_count; }, true]], d.recent_runs)];
    },

    graph: function (d) {
      if (!d.edges.length) { return [el('p', { 'class': 'note', text: 'No workflow runs in scope.' })]; }
      var what = d.workflow_name ? d.workflow_name : 'every workflow';
      var alt = 'Flow graph of ' + what + ': ' + d.nodes.length + ' steps and ' + d.edges.length + ' transitions; the most frequent: ' +
        d.edges.slice(0, 5).map(function (e) { return e.from + ' to ' + e.to + ' ' + count(e.count); }).join(', ') + '.';
      var fig = el('figure', {}, [flowGraph(d, alt),
        el('figcaption', { text: 'Which step follows which in the runs of ' + what + ', left to right. Boxes are steps with their events; the darker the fill, ' +
          'the larger the share of them that failed. Arrows count the runs going from one step to the next (thicker: more); arrows ' +
          'below the boxes go back to a step drawn further left. ' + (d.dropped_edges ? 'The ' + d.edges.length + ' most frequent transitions are drawn (' +
          count(d.dropped_edges) + ' rarer left out).' : 'Every transition is drawn.') +
          (d.nodes.some(function (n) { return n.suppressed; }) || d.edges.some(function (e) { return e.suppressed; })
            ? ' Dashed arrows and boxes without numbers come from fewer than ' + d.min_cohort + ' people: their numbers are hidden.' : '') }),
        el('details', {}, [el('summary', { text: 'The numbers as a table' }),
          table('Transitions, most frequent first', [['from', function (e) { return e.from; }, false, null, 'path'],
            ['to', function (e) { return e.to; }, false, null, 'path'],
            ['runs', function (e) { return count(e.count); }, true, 'graph.edges.#.count'],
            ['median gap', function (e) { return duration(e.median_ms); }, true]], d.edges),
          table('Steps', [['step', function (n) { return n.step; }, false, null, 'path'],
            ['events (runs for start and the ends)', function (n) { return count(n.count); }, true, 'graph.nodes.#.count'],
            ['failed', function (n) { return count(n.failures); }, true],
            ['failure rate', function (n) { return percent(n.failure_rate); }, true]], d.nodes)])]);
      return [fig];
    },

    settings: function (d) {
      var r = d.data_range, f = d.filters, inf = d.infer;
      var rows = [
        ['first event (UTC)', r.first_event_at || '–'], ['last event (UTC)', r.last_event_at || '–'],
        ['tool', f.tool || 'all'], ['since', f.since || '–'], ['until', f.until || '–'],
        ['CI', f.exclude_ci ? 'left out' : 'included'], ['rows per list (--top)', String(d.top)],
        ['session timeout', duration(inf.session_timeout_ms)], ['infer as of', inf.as_of || '–'],
        ['workflows file', inf.workflows_file || 'built-in defaults']];
      if (d.min_cohort) {
        rows.push(['smallest cohort shown (--min-cohort)', String(d.min_cohort)], ['cells suppressed', count(d.suppressed_cells)]);
      }
      return [table('The data and settings these numbers come from.', [['setting', function (x) { return x[0]; }],
          ['value', function (x) { return x[1]; }]], rows),
        el('h3', { text: 'Privacy rules applied' }),
        el('ul', { 'class': 'rules' }, d.privacy_rules.map(function (t) { return el('li', { text: t }); }))];
    }
  };

  // ---- the page

  function draw() {
    var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    charts.forEach(function (c) {
      var old = echarts.getInstanceByDom(c.box);
      if (old) { old.dispose(); }
      echarts.init(c.box, dark ? 'dark' : null, { renderer: 'svg' }).setOption(c.option);
    });
  }

  document.title = data.title;
  document.getElementById('title').textContent = data.title;
  var main = document.getElementById('sections');
  var toc = document.getElementById('toc');
  data.sections.forEach(function (s) {
    var render = SECTIONS[s.key];
    if (!render) { throw new Error('no renderer for section ' + s.key); }
    toc.appendChild(el('a', { href: '#' + s.key, text: s.title }));
    main.appendChild(el('section', { id: s.key, 'aria-labelledby': s.key + '-title' },
      [el('h2', { id: s.key + '-title', text: s.title })].concat(render(s.data))));
  });
  var settings = data.sections.filter(function (s) { return s.key === 'settings'; })[0];
  if (settings && settings.data.data_range.first_event_at) {
    document.getElementById('subtitle').textContent = 'Events from ' + settings.data.data_range.first_event_at +
      ' to ' + settings.data.data_range.last_event_at + ' (UTC).';
  }
  draw();
  window.addEventListener('resize', function () { charts.forEach(function (c) { echarts.getInstanceByDom(c.box).resize(); }); });
  window.addEventListener('beforeprint', function () { charts.forEach(function (c) { echarts.getInstanceByDom(c.box).resize(); }); });
  if (window.matchMedia) { window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw); }
  document.documentElement.setAttribute('data-rendered', String(charts.length + drawn));
})();
