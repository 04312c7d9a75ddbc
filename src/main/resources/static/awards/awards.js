/*
 * Award register pages: import with progress (polls the import job), subject lookup and history, recording of
 * unit-level titles, ratings and initiatives. DOM built with TdktDom (textContent only, never HTML strings).
 */
(function () {
  'use strict';
  var D = window.TdktDom;
  var $ = D.$;

  function message(id, kind, text, items) {
    var box = $(id);
    D.clear(box);
    box.className = 'message' + (kind ? ' message-' + kind : '');
    if (text) { box.appendChild(D.el('p', {}, text)); }
    if (items && items.length) {
      var ul = D.el('ul');
      items.forEach(function (t) { ul.appendChild(D.el('li', {}, t)); });
      box.appendChild(ul);
    }
  }

  function problem(body) {
    return (body && body.errors ? body.errors.map(function (e) { return e.message; }) : []);
  }

  function json(response) {
    return response.text().then(function (t) { return t ? JSON.parse(t) : {}; })
      .then(function (body) { return { ok: response.ok, status: response.status, body: body, response: response }; });
  }

  var PHASES = { READING: 'Đang đọc tệp…', CHECKING: 'Đang kiểm tra từng dòng…', STORING: 'Đang ghi vào sổ khen thưởng…',
    FINISHED: 'Đã xong.' };

  function importPage() {
    $('import-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var file = $('import-file').files[0];
      if (!file) { message('import-message', 'error', 'Chưa chọn tệp.'); return; }
      var data = new FormData();
      data.append('file', file);
      var unit = $('import-unit').value.trim();
      $('import-submit').disabled = true;
      $('errors-card').hidden = true;
      message('import-message', 'info', 'Đang gửi tệp…');
      fetch('/api/award-imports' + (unit ? '?unit=' + encodeURIComponent(unit) : ''), { method: 'POST', body: data })
        .then(json).then(function (r) {
          if (!r.ok) {
            $('import-submit').disabled = false;
            message('import-message', 'error', r.body.detail || 'Không nhập được tệp.', problem(r.body));
            return;
          }
          poll(r.response.headers.get('Location'));
        }).catch(function () {
          $('import-submit').disabled = false;
          message('import-message', 'error', 'Không kết nối được máy chủ.');
        });
    });
  }

  function poll(location) {
    $('progress-card').hidden = false;
    fetch(location).then(json).then(function (r) {
      var job = r.body;
      $('import-progress').value = job.percent;
      $('import-phase').textContent = (PHASES[job.phase] || job.phase) + ' ' + job.rowsDone + '/' + job.rowsTotal + ' dòng.';
      if (job.phase !== 'FINISHED') { setTimeout(function () { poll(location); }, 500); return; }
      $('import-submit').disabled = false;
      message('import-message', job.status === 'DONE' ? 'ok' : 'error', job.message);
      var body = $('errors-table').tBodies[0];
      D.clear(body);
      (job.errors || []).forEach(function (e) {
        var tr = D.el('tr');
        tr.appendChild(D.el('td', { 'data-label': 'Dòng' }, e.row || ''));
        tr.appendChild(D.el('td', { 'data-label': 'Cột' }, e.field));
        tr.appendChild(D.el('td', { 'data-label': 'Lỗi' }, e.message));
        body.appendChild(tr);
      });
      $('errors-card').hidden = !(job.errors && job.errors.length);
    });
  }

  var KINDS = { INDIVIDUAL: 'Cá nhân', COLLECTIVE: 'Tập thể', HOUSEHOLD: 'Hộ gia đình' };
  var SOURCES = { PIPELINE: 'Quyết định trên hệ thống', IMPORT: 'Nhập từ sổ', UNIT: 'Đơn vị ghi nhận' };

  function subjectsPage() {
    $('search-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      fetch('/api/subjects?size=50&q=' + encodeURIComponent($('search-q').value.trim())).then(json).then(function (r) {
        if (!r.ok) { message('search-message', 'error', r.body.detail, problem(r.body)); return; }
        message('search-message', 'info', 'Tìm thấy ' + r.body.total + ' đối tượng.');
        var body = $('results-table').tBodies[0];
        D.clear(body);
        r.body.items.forEach(function (s) {
          var tr = D.el('tr');
          tr.appendChild(D.el('td', { 'data-label': 'Họ và tên / Tên tập thể' }, s.name));
          tr.appendChild(D.el('td', { 'data-label': 'Loại' }, KINDS[s.kind] || s.kind));
          tr.appendChild(D.el('td', { 'data-label': 'Ngày sinh' }, s.birthDate || ''));
          tr.appendChild(D.el('td', { 'data-label': 'Đơn vị' }, s.unitCode + (s.workUnit ? ' — ' + s.workUnit : '')));
          var cell = D.el('td', { 'data-label': 'Lịch sử' });
          var button = D.el('button', { type: 'button', class: 'secondary' }, 'Xem lịch sử');
          button.addEventListener('click', function () { history(s); });
          cell.appendChild(button);
          tr.appendChild(cell);
          body.appendChild(tr);
        });
      });
    });
  }

  function history(s) {
    Promise.all([fetch('/api/subjects/' + s.id + '/awards').then(json), fetch('/api/subjects/' + s.id).then(json)])
      .then(function (rs) {
        $('history-card').hidden = false;
        $('history-subject').textContent = s.name + (s.birthDate ? ', sinh ngày ' + s.birthDate : '');
        var body = $('history-table').tBodies[0];
        D.clear(body);
        rs[0].body.forEach(function (a) {
          var tr = D.el('tr');
          tr.appendChild(D.el('td', { 'data-label': 'Năm' }, a.year));
          tr.appendChild(D.el('td', { 'data-label': 'Danh hiệu, hình thức' }, a.awardName));
          tr.appendChild(D.el('td', { 'data-label': 'Quyết định' }, a.decisionNumber + (a.decisionDate ? ' ngày ' + a.decisionDate : '')));
          tr.appendChild(D.el('td', { 'data-label': 'Cấp quyết định' }, a.decidedBy));
          tr.appendChild(D.el('td', { 'data-label': 'Nguồn' }, SOURCES[a.source] || a.source));
          body.appendChild(tr);
        });
        var ratings = $('history-ratings');
        D.clear(ratings);
        (rs[1].body.ratings || []).forEach(function (r) { ratings.appendChild(D.el('li', {}, r.year + ': ' + r.rating)); });
        var initiatives = $('history-initiatives');
        D.clear(initiatives);
        (rs[1].body.initiatives || []).forEach(function (i) { initiatives.appendChild(D.el('li', {}, i.year + ': ' + i.title + ' (' + i.scope + ')')); });
        $('history-card').scrollIntoView();
      });
  }

  function recordPage() {
    $('year').value = new Date().getFullYear();
    $('record-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var v = function (id) { var x = $(id).value.trim(); return x === '' ? null : x; };
      var body = { subjectKind: v('subjectKind'), name: v('name'), birthDate: v('birthDate'), citizenId: v('citizenId'),
        role: v('role'), position: v('position'), workUnit: v('workUnit'), year: v('year') ? Number(v('year')) : null,
        title: v('title'), decisionNumber: v('decisionNumber'), decisionDate: v('decisionDate'), rating: v('rating') };
      if (v('initiativeTitle')) {
        body.initiative = { title: v('initiativeTitle'), scope: v('initiativeScope'), recognisedBy: v('initiativeBy') };
      }
      Array.prototype.forEach.call(document.querySelectorAll('.field-error'), function (e) { e.textContent = ''; });
      fetch('/api/unit-records', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
        .then(json).then(function (r) {
          if (!r.ok) {
            (r.body.errors || []).forEach(function (e) { var f = $('error-' + (e.field === 'initiative.title' ? 'initiativeTitle' : e.field === 'initiative.recognisedBy' ? 'initiativeBy' : e.field)); if (f) { f.textContent = e.message; } });
            message('record-message', 'error', r.body.detail || 'Không ghi nhận được.', problem(r.body));
            return;
          }
          message('record-message', 'ok', 'Đã ghi nhận cho ' + r.body.subject.name + ' (năm ' + body.year + ').');
        });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var page = document.body.getAttribute('data-page');
    if (page === 'import') { importPage(); }
    if (page === 'subjects') { subjectsPage(); }
    if (page === 'record') { recordPage(); }
  });
})();
