/* The unit's open tasks (GET /api/unit-tasks, the read model unit_task), a page at a time; each opens in Tasklist. */
(function () {
  'use strict';

  var SIZE = 20;
  var page = 0;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /** dd/MM/yyyy HH:mm in Vietnam's time (UTC+7 all year). */
  function when(value) {
    if (!value) return '';
    var d = new Date(String(value).replace(/(\.\d{3})\d+/, '$1'));
    if (isNaN(d.getTime())) return String(value);
    var t = new Date(d.getTime() + 7 * 3600 * 1000);
    return pad(t.getUTCDate()) + '/' + pad(t.getUTCMonth() + 1) + '/' + t.getUTCFullYear() + ' ' +
      pad(t.getUTCHours()) + ':' + pad(t.getUTCMinutes());
  }

  function cell(label, content) {
    var td = el('td', { 'data-label': label });
    if (content instanceof Node) td.appendChild(content); else td.textContent = content == null ? '' : content;
    return td;
  }

  var rows = document.getElementById('task-rows');
  var message = document.getElementById('tasks-message');
  var info = document.getElementById('page-info');
  var prev = document.getElementById('prev');
  var next = document.getElementById('next');
  var sort = document.getElementById('sort');

  function load() {
    message.textContent = 'Đang tải…';
    var url = '/api/unit-tasks?size=' + SIZE + '&page=' + page + '&sort=' + encodeURIComponent(sort.value);
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body && body.detail ? body.detail : String(r.status));
          return body;
        });
      })
      .then(function (p) {
        rows.textContent = '';
        p.items.forEach(function (t) {
          var tr = el('tr', { 'data-task': t.taskId });
          tr.appendChild(cell('Việc', el('a', { href: t.tasklistUrl }, t.taskName || t.taskKey)));
          tr.appendChild(cell('Mã hồ sơ', t.dossierUrl ? el('a', { href: t.dossierUrl }, t.dossierCode)
            : (t.businessKey || '')));
          tr.appendChild(cell('Đối tượng', t.subjectName));
          tr.appendChild(cell('Hình thức khen thưởng', t.awardTypeName));
          tr.appendChild(cell('Năm', t.awardYear));
          tr.appendChild(cell('Người nhận', t.assignee || 'Chưa có người nhận'));
          tr.appendChild(cell('Ngày giao', when(t.created)));
          tr.appendChild(cell('Hạn', when(t.due)));
          rows.appendChild(tr);
        });
        var pages = Math.max(1, Math.ceil(p.total / SIZE));
        message.textContent = p.total ? '' : 'Đơn vị không có việc nào đang chờ.';
        info.textContent = 'Trang ' + (page + 1) + '/' + pages + ' (' + p.total + ' việc)';
        prev.disabled = page <= 0;
        next.disabled = page + 1 >= pages;
      })
      .catch(function (e) {
        message.textContent = 'Không tải được danh sách việc: ' + e.message;
      });
  }

  prev.addEventListener('click', function () { if (page > 0) { page--; load(); } });
  next.addEventListener('click', function () { page++; load(); });
  sort.addEventListener('change', function () { page = 0; load(); });
  load();
})();
