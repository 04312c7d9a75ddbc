/* Pages of the emulation blocs (cụm, khối thi đua): list and import, registration, a bloc's year, dashboard. */
(function () {
  'use strict';
  var LABELS = { TOTAL: 'tổng điểm', FIRST_CRITERION: 'điểm tiêu chí trọng số cao nhất', FEWER_DISCIPLINE: 'ít vi phạm hơn',
    EARLIER_SUBMISSION: 'nộp tự đánh giá sớm hơn', UNIT_CODE: 'mã đơn vị' };
  var SVG = 'http://www.w3.org/2000/svg';
  function $(id) { return document.getElementById(id); }
  function el(tag, text) { var n = document.createElement(tag); if (text != null) { n.textContent = text; } return n; }
  function svg(tag, attrs, text) {
    var n = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text != null) { n.textContent = text; }
    return n;
  }
  function message(text, kind) { var m = $('message'); m.textContent = text || ''; m.className = 'message ' + (kind || ''); }
  function row(tbody, cells) { var tr = el('tr'); cells.forEach(function (c) { tr.appendChild(el('td', c)); }); tbody.appendChild(tr); }
  function params() { return new URLSearchParams(window.location.search); }
  function thisYear() { return Number(params().get('year')) || new Date().getFullYear(); }
  function json(url, method, body) {
    var init = { method: method || 'GET', headers: { 'Accept': 'application/json' } };
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (r) {
      return r.text().then(function (t) {
        var data = t ? JSON.parse(t) : null;
        if (!r.ok) { var e = new Error((data && data.detail) || ('Lỗi ' + r.status)); e.problem = data; throw e; }
        return data;
      });
    });
  }
  function showErrors(list, e) {
    var ul = $(list); if (!ul) { return; }
    ul.textContent = '';
    ((e.problem && e.problem.errors) || []).forEach(function (p) { ul.appendChild(el('li', p.message)); });
  }
  function fail(list) { return function (e) { message(e.message, 'error'); showErrors(list, e); }; }

  function blocsPage() {
    $('year').value = thisYear();
    function load() {
      json('/api/blocs?year=' + $('year').value).then(function (list) {
        var tbody = $('blocs-table').tBodies[0]; tbody.textContent = '';
        list.forEach(function (b) {
          var tr = el('tr'); var a = el('a', b.code); a.href = 'bloc.html?code=' + encodeURIComponent(b.code) + '&year=' + b.year;
          var td = el('td'); td.appendChild(a); tr.appendChild(td);
          [b.name, b.kind === 'CLUSTER' ? 'Cụm' : 'Khối', b.headName || b.head || '—', b.deputyName || b.deputy || '—',
            b.members.map(function (m) { return m.unitName; }).join('; ')].forEach(function (c) { tr.appendChild(el('td', c)); });
          tbody.appendChild(tr);
        });
        message(list.length + ' cụm, khối.');
      }, fail());
    }
    $('year-form').addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    $('open-year').addEventListener('click', function () {
      json('/api/blocs/years', 'POST', { year: Number($('year').value) }).then(function (r) {
        message('Đã mở năm thi đua ' + r.year + ' cho ' + (r.blocCodes || []).length + ' cụm, khối.', 'success');
      }, fail());
    });
    $('import-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var file = $('csv-file').files[0]; if (!file) { return; }
      file.text().then(function (text) {
        return fetch('/api/blocs/import?year=' + $('year').value, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: text });
      }).then(function (r) { return r.json().then(function (d) { if (!r.ok) { var e = new Error(d.detail); e.problem = d; throw e; } return d; }); })
        .then(function (d) { message('Đã nhập ' + d.length + ' cụm, khối.', 'success'); $('import-errors').textContent = ''; load(); },
          fail('import-errors'));
    });
    load();
  }

  function registerPage() {
    $('year').value = thisYear();
    $('register-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var titles = Array.prototype.slice.call(document.querySelectorAll('input[name=targetTitles]:checked')).map(function (c) { return c.value; });
      json('/api/blocs/registrations', 'POST', { year: Number($('year').value), unitCode: $('unitCode').value || null,
        commitments: $('commitments').value, targetTitles: titles }).then(function (r) {
        message('Đơn vị ' + r.unitCode + ' đã đăng ký thi đua năm ' + r.year + '.', 'success'); $('form-errors').textContent = '';
      }, fail('form-errors'));
    });
    json('/api/blocs/registrations?year=' + $('year').value).then(function (s) {
      $('status-card').hidden = false;
      $('deadline').textContent = 'Hạn đăng ký: ' + new Date(s.deadline).toLocaleString('vi-VN') + '. Chưa đăng ký: '
        + (s.notRegistered.length ? s.notRegistered.join(', ') : 'không còn đơn vị nào') + '.';
      var tbody = $('status-table').tBodies[0];
      s.blocs.forEach(function (b) {
        b.units.forEach(function (u) {
          row(tbody, [b.bloc.name, u.unitName, u.registered ? (u.late ? 'Đã đăng ký (muộn)' : 'Đã đăng ký') : 'Chưa đăng ký',
            u.remindedAt ? new Date(u.remindedAt).toLocaleDateString('vi-VN') : '']);
        });
      });
    }, function () { /* units do not see the status */ });
  }

  function blocPage() {
    var code = params().get('code'), year = thisYear(), criteria = [];
    var base = '/api/blocs/' + encodeURIComponent(code) + '/years/' + year;
    json('/api/blocs/' + encodeURIComponent(code) + '?year=' + year).then(function (b) {
      $('bloc-title').textContent = b.name + ' – năm ' + year + ' (Trưởng khối: ' + (b.headName || b.head || 'chưa có') + ', Phó khối: ' + (b.deputyName || b.deputy || 'chưa có') + ')';
      $('bloc-steps').textContent = 'Bước hiện tại: ' + (b.steps.length ? b.steps.map(function (s) { return s.name; })
        .filter(function (v, i, a) { return a.indexOf(v) === i; }).join('; ') : 'không có');
      criteria = b.scheme.criteria;
      var tbody = $('scheme-table').tBodies[0], fields = $('points-fields');
      criteria.forEach(function (c) {
        row(tbody, [c.code, c.name, String(c.maxPoints), String(c.weight)]);
        var f = el('div'); f.className = 'field';
        var l = el('label', c.code + ' – ' + c.name + ' (tối đa ' + c.maxPoints + ')'); l.htmlFor = 'p-' + c.code;
        var i = el('input'); i.id = 'p-' + c.code; i.type = 'number'; i.step = '0.5'; i.min = '0'; i.max = c.maxPoints;
        f.appendChild(l); f.appendChild(i); fields.appendChild(f);
      });
    }, fail());
    function points() {
      var p = {}; criteria.forEach(function (c) { var v = $('p-' + c.code).value; if (v !== '') { p[c.code] = Number(v); } }); return p;
    }
    function ranking() {
      json(base + '/ranking').then(function (list) {
        var tbody = $('ranking-table').tBodies[0]; tbody.textContent = '';
        list.forEach(function (r) {
          row(tbody, [String(r.rank), r.unitName, String(r.total), r.tieBreak ? LABELS[r.tieBreak] || r.tieBreak : '',
            r.flagProposed ? r.flagProposed + (r.dossierCode ? ' (' + r.dossierCode + ')' : '') : '']);
        });
      }, function () {});
    }
    $('points-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var unit = $('unit').value || null, call = $('mode').value === 'self'
        ? json(base + '/self-assessments', 'POST', { unitCode: unit, report: $('report').value, evidence: $('evidence').value,
          points: points(), disciplineCases: Number($('discipline').value) })
        : json(base + '/scores', 'POST', { unitCode: unit, points: points() });
      call.then(function () { message('Đã ghi nhận.', 'success'); $('form-errors').textContent = ''; }, fail('form-errors'));
    });
    $('finish-scoring').addEventListener('click', function () {
      json(base + '/scoring/completion', 'POST').then(function () { message('Đã kết thúc chấm điểm; chờ Phó khối rà soát.', 'success'); ranking(); },
        fail('form-errors'));
    });
    ranking();
  }

  /** One chart per bloc: for each year, registered / members (bar) and the leading unit's total (label). */
  function dashboardPage() {
    var y = new Date().getFullYear();
    $('from').value = y - 4; $('to').value = y;
    function load() {
      json('/api/blocs/dashboard?from=' + $('from').value + '&to=' + $('to').value).then(function (d) {
        var charts = $('charts'); charts.textContent = '';
        d.blocs.forEach(function (b) {
          var card = el('section'); card.className = 'card'; card.appendChild(el('h2', b.name + ' (' + b.code + ')'));
          var width = 640, barH = 26, gap = 14, left = 60, height = Math.max(1, b.years.length) * (barH + gap) + 30;
          var root = svg('svg', { width: '100%', viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-labelledby': 'c-' + b.code });
          root.appendChild(svg('title', { id: 'c-' + b.code }, 'Đăng ký và điểm của ' + b.name + ' theo năm'));
          b.years.forEach(function (yr, i) {
            var top = 10 + i * (barH + gap), area = width - left - 200;
            var share = yr.members ? yr.registered / yr.members : 0;
            root.appendChild(svg('text', { x: 0, y: top + barH / 2 + 5 }, String(yr.year)));
            root.appendChild(svg('rect', { x: left, y: top, width: area, height: barH, fill: '#f1f3f5' }));
            root.appendChild(svg('rect', { x: left, y: top, width: area * share, height: barH, fill: '#1f6feb' }));
            var leader = yr.ranking.length ? yr.ranking[0] : null;
            root.appendChild(svg('text', { x: left + area + 8, y: top + barH / 2 + 5 }, yr.registered + '/' + yr.members
              + ' đăng ký' + (yr.late ? ' (' + yr.late + ' muộn)' : '') + (leader ? '; dẫn đầu ' + (leader.unitName || leader.unitCode) + ': ' + leader.total : '')));
          });
          card.appendChild(root);
          var table = el('table'); table.appendChild(el('caption', 'Xếp hạng theo năm'));
          var tb = el('tbody'); table.appendChild(tb);
          b.years.forEach(function (yr) {
            row(tb, [String(yr.year), yr.ranking.map(function (r) { return r.rank + '. ' + (r.unitName || r.unitCode) + ' (' + r.total + ')'; }).join('; ') || 'chưa xếp hạng']);
          });
          card.appendChild(table);
          charts.appendChild(card);
        });
        message(d.blocs.length + ' cụm, khối.');
      }, fail());
    }
    $('range-form').addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    load();
  }

  var pages = { blocs: blocsPage, register: registerPage, bloc: blocPage, dashboard: dashboardPage };
  var run = pages[document.body.getAttribute('data-page')];
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', run); } else { run(); }
})();
