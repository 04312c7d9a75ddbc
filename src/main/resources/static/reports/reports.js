/*
 * Reports page (index.html): dossier counts as horizontal bars in inline SVG (the approach of /plans/plans.js),
 * awards per year and level, and the processing-time table. Plain JavaScript, no library. Data from the server goes
 * into the page with textContent and setAttribute only, never as HTML.
 */
(function () {
  'use strict';


  var $ = TdktDom.$, el = TdktDom.el, svg = TdktDom.svg, clear = TdktDom.clear;

  function message(text, kind) {
    var box = $('report-message');
    clear(box);
    box.className = 'message' + (text ? ' message-' + (kind || 'info') : '');
    if (text) { box.appendChild(el('p', {}, text)); }
  }

  function label(labels, code) {
    var name = labels && labels[code];
    return name ? name : String(code);
  }

  /** Horizontal bars, one per {label, count}, on one scale (the largest count); each bar has a <title>. */
  function bars(container, titleText, items) {
    clear(container);
    if (!items.length) {
      container.appendChild(el('p', { 'class': 'hint' }, 'Không có dữ liệu.'));
      return;
    }
    var width = 640, labelWidth = 220, countWidth = 50, barHeight = 24, gap = 10, top = 4;
    var barArea = width - labelWidth - countWidth;
    var max = items.reduce(function (m, g) { return Math.max(m, g.count); }, 0) || 1;
    var height = top + items.length * (barHeight + gap);
    var id = container.id + '-svg';
    var root = svg('svg', {
      viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': id + '-title ' + id + '-desc',
      preserveAspectRatio: 'xMinYMin meet'
    });
    root.appendChild(svg('title', { id: id + '-title' }, titleText));
    root.appendChild(svg('desc', { id: id + '-desc' }, items.map(function (g) {
      return g.label + ': ' + g.count;
    }).join('; ')));
    items.forEach(function (g, i) {
      var y = top + i * (barHeight + gap);
      var row = svg('g', { 'class': 'bar-group' });
      row.appendChild(svg('title', {}, g.label + ': ' + g.count));
      var text = g.label.length > 30 ? g.label.slice(0, 29) + '…' : g.label;
      row.appendChild(svg('text', { x: 0, y: y + barHeight / 2 + 5 }, text));
      var w = Math.max(barArea * g.count / max, g.count > 0 ? 2 : 0);
      row.appendChild(svg('rect', { x: labelWidth, y: y, width: w, height: barHeight, 'class': 'bar-IN_PROGRESS' }));
      row.appendChild(svg('text', { x: width - 4, y: y + barHeight / 2 + 5, 'text-anchor': 'end' }, g.count));
      root.appendChild(row);
    });
    container.appendChild(root);
  }

  function items(map, labels) {
    return Object.keys(map || {}).map(function (k) { return { label: label(labels, k), count: map[k] }; });
  }

  function hours(value) {
    return value === null || value === undefined ? '—' : String(value).replace('.', ',');
  }

  function processingRows(report) {
    var body = $('processing-rows');
    clear(body);
    var unitLabels = report.labels.unit;
    report.processing.steps.concat([report.processing.total]).forEach(function (step) {
      var hasDeadline = step.deadline !== null && step.deadline !== undefined;
      var add = function (group, s) {
        var tr = el('tr');
        tr.appendChild(el('td', { 'data-label': 'Bước' }, step.label));
        tr.appendChild(el('td', { 'data-label': 'Nhóm' }, group));
        tr.appendChild(el('td', { 'data-label': 'Số lượt' }, s.count));
        tr.appendChild(el('td', { 'data-label': 'Trung vị (giờ)' }, hours(s.medianHours)));
        tr.appendChild(el('td', { 'data-label': 'Phân vị 90 (giờ)' }, hours(s.p90Hours)));
        tr.appendChild(el('td', { 'data-label': 'Hạn' }, hasDeadline ? step.deadline : 'Không có hạn riêng'));
        tr.appendChild(el('td', { 'data-label': 'Số lượt trễ hạn' }, hasDeadline ? s.late : '—'));
        body.appendChild(tr);
      };
      add('Tất cả', step.all);
      Object.keys(step.byAppraiser || {}).forEach(function (k) { add('Người thẩm định: ' + label(report.labels.person || {}, k), step.byAppraiser[k]); });
      Object.keys(step.byUnit || {}).forEach(function (k) { add('Đơn vị: ' + label(unitLabels, k), step.byUnit[k]); });
    });
  }

  /** The report's year (null: every year) and the page of late dossiers shown (0-based, 100 a page). */
  var reportYear = null, latePage = 0;

  function lateRows(report) {
    var late = report.late || { dossiers: [], total: 0, page: 0, pageSize: 100 };
    $('late-hint').textContent = 'Thời hạn giải quyết ' + late.workingDays + ' ngày làm việc, từ khi nhận đủ hồ sơ'
      + ' (hoặc nhận hồ sơ bổ sung cuối cùng) đến khi có quyết định.';
    var body = $('late-rows');
    clear(body);
    late.dossiers.forEach(function (d) {
      var link = el('a', { href: '/dossiers/view.html?code=' + encodeURIComponent(d.code) }, d.code);
      var tr = el('tr', { 'data-code': d.code });
      var code = el('td', { 'data-label': 'Mã hồ sơ' });
      code.appendChild(link);
      tr.appendChild(code);
      tr.appendChild(el('td', { 'data-label': 'Đối tượng' }, d.subjectName || ''));
      tr.appendChild(el('td', { 'data-label': 'Trạng thái' }, d.statusLabel || d.status));
      tr.appendChild(el('td', { 'data-label': 'Hạn giải quyết' }, d.dueText || ''));
      tr.appendChild(el('td', { 'data-label': 'Tình trạng thời hạn' }, d.stateLabel || d.state));
      body.appendChild(tr);
    });
    $('late-empty').hidden = late.dossiers.length > 0;
    $('late-table').hidden = late.dossiers.length === 0;
    var total = Number(late.total) || 0, size = Number(late.pageSize) || 100, page = Number(late.page) || 0;
    var pages = Math.max(1, Math.ceil(total / size));
    latePage = page;
    $('late-total').textContent = total === 0 ? ''
      : 'Tổng số ' + total.toLocaleString('vi-VN') + ' hồ sơ quá hạn'
        + (late.dossiers.length ? '; đang xem hồ sơ thứ ' + (page * size + 1).toLocaleString('vi-VN') + ' đến '
          + (page * size + late.dossiers.length).toLocaleString('vi-VN') : '')
        + ' (tệp CSV, Excel có đủ danh sách).';
    $('late-pager').hidden = total <= size;
    $('late-page-info').textContent = 'Trang ' + (page + 1) + ' / ' + pages;
    $('late-prev').disabled = page <= 0;
    $('late-next').disabled = page + 1 >= pages;
  }

  /** Another page of the late dossiers: the report of the same year, that page of its list. */
  function lateGo(page) {
    $('late-prev').disabled = true;
    $('late-next').disabled = true;
    $('late-page-info').textContent = 'Đang tải…';
    fetchReport(reportYear, page).then(function (report) {
      lateRows(report);
      $('late-title').scrollIntoView();
    }).catch(function (error) {
      $('late-page-info').textContent = error.message || 'Không tải được danh sách hồ sơ quá hạn.';
      $('late-prev').disabled = latePage <= 0;
      $('late-next').disabled = false;
    });
  }

  function render(report) {
    lateRows(report);
    var when = report.year ? 'năm ' + report.year : 'tất cả các năm';
    $('summary-dossiers').textContent = String(report.dossiers.total);
    $('summary-awards').textContent = String(report.awards.total);
    $('summary-collective').textContent = String(report.awards.collective);
    $('summary-individual').textContent = String(report.awards.individual);
    bars($('chart-status'), 'Hồ sơ theo trạng thái, ' + when, items(report.dossiers.byStatus, report.labels.status));
    bars($('chart-award'), 'Hồ sơ theo hình thức khen thưởng, ' + when,
      items(report.dossiers.byAwardType, report.labels.awardType));
    bars($('chart-unit'), 'Hồ sơ theo đơn vị, ' + when, items(report.dossiers.byUnit, report.labels.unit));
    bars($('chart-bloc'), 'Hồ sơ theo cụm, khối thi đua, ' + when, items(report.dossiers.byBloc, report.labels.bloc));
    bars($('chart-level'), 'Khen thưởng theo năm và cấp, ' + when,
      (report.awards.byYearAndLevel || []).map(function (r) {
        return { label: r.year + ' — ' + label(report.labels.level, r.level), count: r.count };
      }));
    processingRows(report);
    var priority = report.awards.priority || {};
    $('summary-direct').textContent = percent(priority.directWorkerShare);
    $('summary-small').textContent = percent(priority.smallCollectiveShare);
  }

  function percent(value) {
    return value === null || value === undefined ? '—' : String(value).replace('.', ',') + '%';
  }

  var statisticsYear = null;

  /** Sở Nội vụ enters a figure the system does not hold (PUT /api/reports/statistics/entries). */
  function enterFigure(event) {
    event.preventDefault();
    var box = $('statistics-entry-message');
    clear(box);
    var amount = $('entry-amount').value.trim();
    var column = $('entry-column').value.trim();
    fetch('/api/reports/statistics/entries', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify({ year: statisticsYear, form: $('entry-form').value, row: $('entry-row').value.trim(),
        column: column === '' ? null : Number(column), amount: amount === '' ? null : Number(amount) })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw new Error(body && body.detail ? body.detail : 'Không lưu được số liệu (mã lỗi ' + response.status + ').');
        }
        box.className = 'message message-ok';
        box.appendChild(el('p', {}, 'Đã lưu số liệu.'));
        statistics(statisticsYear);
      });
    }).catch(function (error) {
      box.className = 'message message-error';
      box.appendChild(el('p', {}, error.message));
    });
  }

  /** The Circular 02/2023 forms of one year, one table each; without a year there are none. */
  function statistics(year) {
    statisticsYear = year;
    var container = $('statistics-forms');
    clear(container);
    (window.tdktSession || Promise.resolve(null)).then(function (s) {
      $('statistics-entry').hidden = !year || !(s && s.groups && s.groups.indexOf('home-affairs') >= 0);
    }).catch(function () { $('statistics-entry').hidden = true; });
    $('statistics-exports').hidden = !year;
    $('statistics-hint').hidden = !!year;
    if (!year) { return; }
    $('statistics-csv').setAttribute('href', '/api/reports/statistics/export.csv?year=' + year);
    $('statistics-csv').setAttribute('download', 'thong-ke-tdkt-' + year + '.csv');
    $('statistics-xlsx').setAttribute('href', '/api/reports/statistics/export.xlsx?year=' + year);
    $('statistics-xlsx').setAttribute('download', 'thong-ke-tdkt-' + year + '.xlsx');
    fetch('/api/reports/statistics?year=' + encodeURIComponent(year), {
      headers: { Accept: 'application/json, application/problem+json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw new Error(body && body.detail ? body.detail : 'Không tải được biểu thống kê (mã lỗi ' + response.status + ').');
        }
        return body;
      });
    }).then(function (s) {
      s.forms.forEach(function (form, i) {
        var id = 'statistics-form-' + i;
        var wrap = el('div', { 'class': 'table-wrap' });
        wrap.appendChild(el('h3', { id: id }, 'Biểu ' + form.code + ': ' + form.title));
        wrap.appendChild(el('p', { 'class': 'hint' }, form.note));
        if (form.layoutSource) { wrap.appendChild(el('p', { 'class': 'hint' }, 'Tên dòng, cột: ' + form.layoutSource)); }
        var table = el('table', { 'class': 'responsive', 'aria-labelledby': id });
        var head = el('tr');
        form.header.forEach(function (h) { head.appendChild(el('th', { scope: 'col' }, h)); });
        var thead = el('thead');
        thead.appendChild(head);
        table.appendChild(thead);
        var body = el('tbody');
        form.rows.forEach(function (r) {
          var tr = el('tr');
          r.forEach(function (cell, c) { tr.appendChild(el('td', { 'data-label': form.header[c] }, String(cell))); });
          body.appendChild(tr);
        });
        table.appendChild(body);
        wrap.appendChild(table);
        container.appendChild(wrap);
      });
    }).catch(function (error) {
      container.appendChild(el('p', { 'class': 'message message-error' }, error.message));
    });
  }

  function exportLinks(year) {
    var query = year ? '?year=' + encodeURIComponent(year) : '';
    var name = 'bao-cao-' + (year || 'tat-ca');
    $('export-csv').setAttribute('href', '/api/reports/export.csv' + query);
    $('export-csv').setAttribute('download', name + '.csv');
    $('export-xlsx').setAttribute('href', '/api/reports/export.xlsx' + query);
    $('export-xlsx').setAttribute('download', name + '.xlsx');
  }

  /** GET /api/reports of the year (null: every year) with that page of late dossiers; errors in Vietnamese. */
  function fetchReport(year, page) {
    var query = [];
    if (year) { query.push('year=' + encodeURIComponent(year)); }
    if (page) { query.push('late-page=' + encodeURIComponent(page)); }
    return fetch('/api/reports' + (query.length ? '?' + query.join('&') : ''), {
      headers: { Accept: 'application/json, application/problem+json' },
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw new Error(body && body.detail ? body.detail
            : response.status === 403 ? 'Không có quyền xem báo cáo.'
            : 'Không tải được báo cáo (mã lỗi ' + response.status + ').');
        }
        return body;
      });
    });
  }

  function load(year) {
    $('report-content').hidden = true;
    message('Đang tải báo cáo…', 'info');
    $('page-title').textContent = 'Báo cáo thi đua, khen thưởng ' + (year ? 'năm ' + year : '(tất cả các năm)');
    exportLinks(year);
    reportYear = year;
    fetchReport(year, 0).then(function (report) {
      render(report);
      statistics(year);
      message('', null);
      $('report-content').hidden = false;
    }).catch(function (error) {
      message(error.message || 'Không tải được báo cáo.', 'error');
    });
  }

  function init() {
    $('statistics-entry').addEventListener('submit', enterFigure);
    $('late-prev').addEventListener('click', function () { lateGo(latePage - 1); });
    $('late-next').addEventListener('click', function () { lateGo(latePage + 1); });
    var input = $('report-year');
    var param = new URLSearchParams(window.location.search).get('year');
    var year = param && /^\d{4}$/.test(param) ? Number(param) : null;
    input.value = year ? String(year) : '';
    $('year-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var raw = input.value.trim();
      var value = raw === '' ? null : Number(raw);
      if (value !== null && (!Number.isInteger(value) || value < 2000 || value > 2100)) {
        input.setAttribute('aria-invalid', 'true');
        message('Năm phải là số từ 2000 đến 2100, hoặc để trống.', 'error');
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
      var url = new URL(window.location.href);
      if (value === null) { url.searchParams.delete('year'); } else { url.searchParams.set('year', String(value)); }
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
