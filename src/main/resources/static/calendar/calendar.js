/*
 * Holidays page (index.html): the working-day calendar's days off and make-up days from GET /api/calendar/days;
 * administrators (camunda-admin) add, change (PUT) and remove (DELETE) days, effective at once, each change an
 * audit record. Server data goes into the page with textContent only, never as HTML.
 */
(function () {
  'use strict';

  var $ = TdktDom.$, el = TdktDom.el, clear = TdktDom.clear;
  var admin = false;

  function date(iso) {
    var p = String(iso || '').split('-');
    return p.length === 3 ? p[2] + '/' + p[1] + '/' + p[0] : String(iso || '');
  }

  function message(text, kind) {
    var box = $('calendar-message');
    clear(box);
    box.className = 'message' + (text ? ' message-' + (kind || 'info') : '');
    if (text) { box.appendChild(el('p', {}, text)); }
  }

  function problem(r, fallback) {
    return r.json().catch(function () { return {}; }).then(function (body) {
      var errors = $('calendar-errors');
      clear(errors);
      (body.errors || []).forEach(function (e) { errors.appendChild(el('li', {}, e.message || String(e))); });
      errors.hidden = !(body.errors && body.errors.length);
      throw new Error(body.detail || fallback);
    });
  }

  function edit(d) {
    $('day-date').value = d.day;
    $('day-kind').value = d.kind;
    $('day-name').value = d.name;
    $('day-source').value = d.source;
    $('day-confirmed').checked = !!d.confirmed;
    $('day-name').focus();
  }

  function remove(d) {
    if (!window.confirm('Xóa ngày ' + date(d.day) + ' (' + d.name + ') khỏi lịch?')) { return; }
    fetch('/api/calendar/days/' + encodeURIComponent(d.day), { method: 'DELETE', credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { return problem(r, 'Không xóa được ngày này.'); }
        load('Đã xóa ngày ' + date(d.day) + '.');
      })
      .catch(function (e) { message(e.message, 'error'); });
  }

  /** Loads the year's days; done: the message to show afterwards (else the number of days). */
  function load(done) {
    var year = $('calendar-year').value;
    var query = year ? '?year=' + encodeURIComponent(year) : '';
    message('Đang tải…');
    fetch('/api/calendar/days' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { throw new Error('Không tải được lịch ngày nghỉ.'); }
        return r.json();
      })
      .then(function (days) {
        var body = $('calendar-table').querySelector('tbody');
        clear(body);
        days.forEach(function (d) {
          var tr = el('tr', {});
          tr.appendChild(el('td', {}, date(d.day)));
          tr.appendChild(el('td', {}, d.kind === 'WORKING_DAY' ? 'Ngày làm bù' : 'Ngày nghỉ lễ, tết'));
          tr.appendChild(el('td', {}, d.name));
          tr.appendChild(el('td', {}, d.source));
          tr.appendChild(el('td', {}, d.confirmed ? 'Đã xác nhận' : 'Cần xác nhận'));
          tr.appendChild(el('td', {}, d.updatedBy || ''));
          if (admin) {
            var cell = el('td', {});
            var change = el('button', { type: 'button', class: 'secondary' }, 'Sửa');
            change.setAttribute('aria-label', 'Sửa ngày ' + date(d.day));
            change.addEventListener('click', function () { edit(d); });
            var del = el('button', { type: 'button', class: 'secondary' }, 'Xóa');
            del.setAttribute('aria-label', 'Xóa ngày ' + date(d.day));
            del.addEventListener('click', function () { remove(d); });
            cell.appendChild(change);
            cell.appendChild(del);
            tr.appendChild(cell);
          }
          body.appendChild(tr);
        });
        message(done || days.length + ' ngày.', done ? 'ok' : 'info');
      })
      .catch(function (e) { message(e.message, 'error'); });
  }

  function save(e) {
    e.preventDefault();
    var day = $('day-date').value;
    if (!day) { message('Chưa chọn ngày.', 'error'); $('day-date').focus(); return; }
    var request = {
      kind: $('day-kind').value,
      name: $('day-name').value,
      source: $('day-source').value,
      confirmed: $('day-confirmed').checked
    };
    fetch('/api/calendar/days/' + encodeURIComponent(day), {
      method: 'PUT', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request)
    })
      .then(function (r) {
        if (!r.ok) { return problem(r, 'Không lưu được ngày này.'); }
        $('calendar-errors').hidden = true;
        $('calendar-year').value = day.substring(0, 4);
        load('Đã lưu ngày ' + date(day) + '; các thời hạn tính từ bây giờ dùng lịch mới.');
      })
      .catch(function (err) { message(err.message, 'error'); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('calendar-year').value = String(new Date().getFullYear());
    $('calendar-filter').addEventListener('submit', function (e) { e.preventDefault(); load(null); });
    $('calendar-form').addEventListener('submit', save);
    (window.tdktSession || Promise.resolve(null)).then(function (s) {
      admin = !!(s && s.groups && s.groups.indexOf('camunda-admin') >= 0);
      $('calendar-edit').hidden = !admin;
      $('calendar-actions-head').hidden = !admin;
    }).catch(function () { admin = false; }).then(function () { load(null); });
  });
}());
