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
      var list = table('The top workflows by runs, with their most common paths (command sequences).', [
        ['workflow', function (x) { return x.workflow_name; }],
        ['runs', function (x) { return count(x.total_runs); }, true, 'workflows.#.total_runs'],
        ['success rate', function (x) { return percent(x.success_rate); }, true, 'workflows.#.success_rate'],
        ['median (successful)', function (x) { return duration(x.median_duration_ms); }, true],
        ['most common paths (runs, succeeded)', function (x) {
          return x.common_paths.map(function (p) { return p.fingerprint + '  (' + count(p.runs) + ', ' + count(p.success_count) + ')'; }).join('\n');
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

    settings: function (d) {
      var r = d.data_range, f = d.filters, inf = d.infer;
      var rows = [
        ['first event (UTC)', r.first_event_at || '–'], ['last event (UTC)', r.last_event_at || '–'],
        ['tool', f.tool || 'all'], ['since', f.since || '–'], ['until', f.until || '–'],
        ['CI', f.exclude_ci ? 'left out' : 'included'], ['rows per list (--top)', String(d.top)],
        ['session timeout', duration(inf.session_timeout_ms)], ['infer as of', inf.as_of || '–'],
        ['workflows file', inf.workflows_file || 'built-in defaults']];
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
  document.documentElement.setAttribute('data-rendered', String(charts.length));
})();
