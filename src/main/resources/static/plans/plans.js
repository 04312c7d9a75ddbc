/*
 * Plan dashboard (index.html): a year's plan items, their state, and progress per quarter and per lead unit as
 * stacked bars drawn in inline SVG. Plain JavaScript, no build step, no library. Data from the server goes into the
 * page with textContent and setAttribute only, never as HTML.
 */
(function () {
  'use strict';

  var STATES = [
    { key: 'DONE', field: 'done', label: 'Hoàn thành' },
    { key: 'IN_PROGRESS', field: 'inProgress', label: 'Đang thực hiện' },
    { key: 'OVERDUE', field: 'overdue', label: 'Quá hạn' },
    { key: 'NOT_STARTED', field: 'notStarted', label: 'Chưa bắt đầu' }
  ];

  var $ = TdktDom.$, el = TdktDom.el, svg = TdktDom.svg, clear = TdktDom.clear;

  /** 2025-03-31 → 31/03/2025 */
  function formatDate(iso) {
    if (!iso) { return ''; }
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? m[3] + '/' + m[2] + '/' + m[1] : iso;
  }

  /** An instant (ISO with offset) as dd/MM/yyyy in Vietnam's time. */
  function formatInstant(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return iso; }
    var parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric'
    }).formatToParts(d);
    var get = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
    return get('day') + '/' + get('month') + '/' + get('year');
  }

  function message(text, kind) {
    var box = $('plan-message');
    clear(box);
    box.className = 'message' + (text ? ' message-' + (kind || 'info') : '');
    if (text) { box.appendChild(el('p', {}, text)); }
  }

  function initialYear() {
    var param = new URLSearchParams(window.location.search).get('year');
    if (param && /^\d{4}$/.test(param)) { return Number(param); }
    return Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' })
      .format(new Date()));
  }

  // ---------------------------------------------------------------- chart

  function legend() {
    var list = $('chart-legend');
    clear(list);
    STATES.forEach(function (s) {
      var li = el('li');
      li.appendChild(el('span', { 'class': 'swatch swatch-' + s.key, 'aria-hidden': 'true' }));
      li.appendChild(el('span', {}, s.label));
      list.appendChild(li);
    });
  }

  /**
   * Horizontal stacked bars, one per group ({label, total, done, inProgress, overdue, notStarted}), on one scale
   * (the largest total). Each segment and each bar has a <title>; the counts are also written as text.
   */
  function stackedBars(container, titleText, groups) {
    clear(container);
    var width = 640, labelWidth = 170, countWidth = 70, barHeight = 26, gap = 12, top = 4;
    var barArea = width - labelWidth - countWidth;
    var max = groups.reduce(function (m, g) { return Math.max(m, g.total); }, 0) || 1;
    var height = top + groups.length * (barHeight + gap);
    var id = container.id + '-svg';
    var root = svg('svg', {
      viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': id + '-title ' + id + '-desc',
      preserveAspectRatio: 'xMinYMin meet'
    });
    root.appendChild(svg('title', { id: id + '-title' }, titleText));
    root.appendChild(svg('desc', { id: id + '-desc' }, groups.map(describe).join('; ')));

    groups.forEach(function (g, i) {
      var y = top + i * (barHeight + gap);
      var row = svg('g', { 'class': 'bar-group' });
      row.appendChild(svg('title', {}, describe(g)));
      var label = g.label.length > 24 ? g.label.slice(0, 23) + '…' : g.label;
      row.appendChild(svg('text', { x: 0, y: y + barHeight / 2 + 5 }, label));
      var x = labelWidth;
      if (g.total === 0) {
        row.appendChild(svg('rect', { x: x, y: y, width: barArea, height: barHeight, fill: '#f1f3f5',
          stroke: '#cfd5dc' }));
        row.appendChild(svg('text', { x: x + 8, y: y + barHeight / 2 + 5, 'class': 'value dark' },
          'Không có nhiệm vụ'));
      }
      STATES.forEach(function (s) {
        var n = g[s.field] || 0;
        if (n === 0) { return; }
        var w = barArea * n / max;
        var seg = svg('rect', { x: x, y: y, width: w, height: barHeight, 'class': 'bar-' + s.key,
          'data-state': s.key });
        seg.appendChild(svg('title', {}, g.label + ' — ' + s.label + ': ' + n));
        row.appendChild(seg);
        if (w >= 18) {
          row.appendChild(svg('text', { x: x + w / 2, y: y + barHeight / 2 + 5, 'text-anchor': 'middle',
            'class': 'value' + (s.key === 'NOT_STARTED' ? ' dark' : ''), 'aria-hidden': 'true' }, n));
        }
        x += w;
      });
      row.appendChild(svg('text', { x: width - 4, y: y + barHeight / 2 + 5, 'text-anchor': 'end' },
        g.done + '/' + g.total));
      root.appendChild(row);
    });
    container.appendChild(root);
  }

  function describe(g) {
    return g.label + ': ' + g.total + ' nhiệm vụ, ' + STATES.map(function (s) {
      return s.label.toLowerCase() + ' ' + (g[s.field] || 0);
    }).join(', ');
  }

  function groups(map) {
    return Object.keys(map || {}).map(function (k) { return map[k]; });
  }

  // ---------------------------------------------------------------- table

  function rows(items) {
    var body = $('plan-rows');
    clear(body);
    items.forEach(function (item) {
      var tr = el('tr', { 'data-key': item.key, 'data-state': item.state });
      tr.appendChild(el('td', { 'data-label': 'Mục', 'class': 'nowrap' }, item.section + '.' + item.number));
      tr.appendChild(el('td', { 'data-label': 'Nội dung', 'class': 'content' }, item.content));
      tr.appendChild(el('td', { 'data-label': 'Thời gian' }, item.timing || ''));
      tr.appendChild(el('td', { 'data-label': 'Đơn vị chủ trì' }, item.leadUnit || ''));
      tr.appendChild(el('td', { 'data-label': 'Hạn', 'class': 'nowrap' }, formatDate(item.dueDate)));
      var state = el('td', { 'data-label': 'Trạng thái' });
      state.appendChild(el('span', { 'class': 'status', 'data-status': item.state }, item.stateLabel));
      tr.appendChild(state);
      tr.appendChild(el('td', { 'data-label': 'Ngày hoàn thành', 'class': 'nowrap' },
        formatInstant(item.completedAt)));
      body.appendChild(tr);
    });
  }

  // ---------------------------------------------------------------- load

  function exportLinks(year) {
    var csv = $('export-csv'), xlsx = $('export-xlsx');
    csv.setAttribute('href', '/api/plans/' + year + '/export.csv');
    csv.setAttribute('download', 'ke-hoach-' + year + '.csv');
    xlsx.setAttribute('href', '/api/plans/' + year + '/export.xlsx');
    xlsx.setAttribute('download', 'ke-hoach-' + year + '.xlsx');
  }

  function load(year) {
    $('plan-content').hidden = true;
    message('Đang tải kế hoạch năm ' + year + '…', 'info');
    $('page-title').textContent = 'Theo dõi thực hiện kế hoạch thi đua, khen thưởng năm ' + year;
    document.title = 'Kế hoạch thi đua, khen thưởng năm ' + year + ' — UBND tỉnh Sơn La';
    exportLinks(year);
    fetch('/api/plans/' + encodeURIComponent(year), {
      headers: { Accept: 'application/json, application/problem+json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          var text = body && body.detail ? body.detail
            : response.status === 404 ? 'Chưa có kế hoạch năm ' + year + '.'
            : response.status === 403 ? 'Không có quyền xem kế hoạch.'
            : 'Không tải được kế hoạch (mã lỗi ' + response.status + ').';
          throw new Error(text);
        }
        return body;
      });
    }).then(function (plan) {
      render(plan);
      message('', null);
      $('plan-content').hidden = false;
    }).catch(function (error) {
      message(error.message || 'Không tải được kế hoạch.', 'error');
    });
  }

  function render(plan) {
    var s = plan.summary || {};
    $('summary-total').textContent = String(s.total || 0);
    $('summary-done').textContent = String(s.done || 0);
    $('summary-in-progress').textContent = String(s.inProgress || 0);
    $('summary-overdue').textContent = String(s.overdue || 0);
    $('summary-not-started').textContent = String(s.notStarted || 0);
    legend();
    stackedBars($('chart-quarter'), 'Tiến độ theo quý, kế hoạch năm ' + plan.year, groups(plan.byQuarter));
    stackedBars($('chart-unit'), 'Tiến độ theo đơn vị chủ trì, kế hoạch năm ' + plan.year, groups(plan.byUnit));
    rows(plan.items || []);
  }

  function init() {
    var input = $('plan-year');
    var year = initialYear();
    input.value = String(year);
    $('year-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var value = Number(input.value);
      if (!Number.isInteger(value) || value < 2000 || value > 2100) {
        input.setAttribute('aria-invalid', 'true');
        message('Năm phải là số từ 2000 đến 2100.', 'error');
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
      var url = new URL(window.location.href);
      url.searchParams.set('year', String(value));
      window.history.replaceState(null, '', url.toString());
      load(value);
    });
    load(year);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
