/*
 * Legal basis page (index.html): the register of legal values from GET /api/legal-basis. Server data goes into the
 * page with textContent only, never as HTML.
 */
(function () {
  'use strict';

  var $ = TdktDom.$, el = TdktDom.el, clear = TdktDom.clear;

  function date(iso) {
    if (!iso) { return ''; }
    var p = String(iso).split('-');
    return p.length === 3 ? p[2] + '/' + p[1] + '/' + p[0] : String(iso);
  }

  function period(v) {
    if (!v.validFrom && !v.validTo) { return 'Theo phiên bản đang triển khai'; }
    if (v.validFrom && v.validTo && v.validFrom === v.validTo) { return date(v.validFrom); }
    return 'Từ ' + (date(v.validFrom) || '…') + (v.validTo ? ' đến ' + date(v.validTo) : '');
  }

  function message(text, kind) {
    var box = $('legal-message');
    clear(box);
    box.className = 'message' + (text ? ' message-' + (kind || 'info') : '');
    if (text) { box.appendChild(el('p', {}, text)); }
  }

  function load() {
    var category = $('legal-category').value;
    var query = category ? '?category=' + encodeURIComponent(category) : '';
    $('legal-csv').setAttribute('href', '/api/legal-basis.csv' + query);
    message('Đang tải…');
    fetch('/api/legal-basis' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { throw new Error(r.status === 403 ? 'Bạn không có quyền xem danh mục này.' : 'Không tải được danh mục.'); }
        return r.json();
      })
      .then(function (rows) {
        var body = $('legal-table').querySelector('tbody');
        clear(body);
        rows.forEach(function (v) {
          var tr = el('tr', {});
          tr.appendChild(el('td', {}, v.label));
          tr.appendChild(el('td', {}, v.value));
          tr.appendChild(el('td', {}, period(v)));
          tr.appendChild(el('td', {}, v.source));
          tr.appendChild(el('td', {}, v.readingLabel));
          body.appendChild(tr);
        });
        message(rows.length + ' dòng.');
      })
      .catch(function (e) { message(e.message, 'error'); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('legal-form').addEventListener('submit', function (e) { e.preventDefault(); load(); });
    load();
  });
}());
