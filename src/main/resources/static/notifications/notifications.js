/* The signed-in user's notifications (GET /api/notifications), newest first; opening the page marks them read. */
(function () {
  'use strict';

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /** dd/MM/yyyy HH:mm in Vietnam's time (UTC+7 all year). */
  function when(value) {
    var d = new Date(String(value).replace(/(\.\d{3})\d+/, '$1'));
    if (isNaN(d.getTime())) return String(value);
    var t = new Date(d.getTime() + 7 * 3600 * 1000);
    return pad(t.getUTCDate()) + '/' + pad(t.getUTCMonth() + 1) + '/' + t.getUTCFullYear() + ' ' +
      pad(t.getUTCHours()) + ':' + pad(t.getUTCMinutes());
  }

  /* the kinds that tell of a new task (notification.TaskNotifications) */
  var TASK_KINDS = ['NEW_DOSSIER', 'SUPPLEMENT_RECEIVED', 'OBJECTION_FILED', 'CONSULTATION_OBJECTION_FILED',
    'BALLOT_OPENED', 'DECISION_WAITING', 'NEW_TASK'];

  var list = document.getElementById('notification-list');
  var message = document.getElementById('notifications-message');

  fetch('/api/notifications', { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' })
    .then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    })
    .then(function (items) {
      if (!items.length) {
        message.textContent = 'Bạn chưa có thông báo nào.';
        return;
      }
      items.forEach(function (n) {
        var li = el('li', { class: n.read ? 'read' : 'unread', 'data-kind': n.kind });
        var title = el('p', { class: 'title' });
        title.appendChild(el('strong', null, n.kindLabel));
        if (!n.read) title.appendChild(el('span', { class: 'visually-hidden' }, ' (chưa đọc)'));
        li.appendChild(title);
        li.appendChild(el('p', { class: 'text' }, n.message));
        var meta = el('p', { class: 'meta' }, when(n.createdAt));
        if (n.dossierCode) {
          meta.appendChild(document.createTextNode(' · '));
          meta.appendChild(el('a', { href: '/dossiers/view.html?code=' + encodeURIComponent(n.dossierCode) },
            'Hồ sơ ' + n.dossierCode));
        }
        if (TASK_KINDS.indexOf(n.kind) >= 0) {
          // a new task waits for the reader: open it where it is done
          meta.appendChild(document.createTextNode(' · '));
          meta.appendChild(el('a', { href: '/camunda/app/tasklist/default/' }, 'Mở việc trong Tasklist'));
        }
        li.appendChild(meta);
        list.appendChild(li);
      });
      // the person has seen them: mark read (the token is added by common/session.js)
      return fetch('/api/notifications/read', { method: 'POST', credentials: 'same-origin' });
    })
    .catch(function () {
      message.textContent = 'Không tải được thông báo. Vui lòng tải lại trang.';
      message.className = 'message message-error';
    });
})();
