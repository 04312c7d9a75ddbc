/*
 * Shared by every page of the project (include it before the page's own script):
 * - adds the session's CSRF token (header X-CSRF-TOKEN, from GET /api/session) to every changing request
 *   the page makes with fetch(), so pages need no code of their own for it;
 * - shows the signed-in user, their unread notifications and a logout button in the page's header;
 * - sends the person to the login page when the session has ended.
 * Data from the server is put into the page with textContent only.
 */
(function () {
  'use strict';

  var nativeFetch = window.fetch.bind(window);
  var SAFE = { GET: true, HEAD: true, OPTIONS: true, TRACE: true };

  var session = nativeFetch('/api/session', {
    credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' }
  }).then(function (response) {
    if (response.status === 401) {
      window.location.assign('/login');
      throw new Error('not signed in');
    }
    return response.ok ? response.json() : null;
  });
  window.tdktSession = session;

  function sameOrigin(url) {
    try {
      return new URL(url, window.location.href).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  window.fetch = function (input, init) {
    init = init || {};
    var method = (init.method || (input && input.method) || 'GET').toUpperCase();
    var url = typeof input === 'string' ? input : (input && input.url) || '';
    if (SAFE[method] || !sameOrigin(url)) {
      return nativeFetch(input, init);
    }
    return session.then(function (s) {
      var headers = new Headers(init.headers || (input && input.headers) || {});
      if (s && s.csrf) headers.set(s.csrf.headerName, s.csrf.token);
      var copy = {};
      Object.keys(init).forEach(function (k) { copy[k] = init[k]; });
      copy.headers = headers;
      copy.credentials = copy.credentials || 'same-origin';
      return nativeFetch(input, copy);
    });
  };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderUser(s) {
    var header = document.querySelector('.site-header');
    if (!header || !s || document.getElementById('user-box')) return;
    var box = el('div', { id: 'user-box', class: 'user-box' });
    box.appendChild(el('span', { id: 'user-name', class: 'user-name' }, s.displayName));
    var link = el('a', { id: 'nav-notifications', href: '/notifications/index.html' }, 'Thông báo');
    var count = el('span', { id: 'notification-count', class: 'badge', hidden: '' });
    link.appendChild(count);
    box.appendChild(link);
    var form = el('form', { method: 'post', action: '/logout', class: 'logout-form' });
    form.appendChild(el('input', { type: 'hidden', name: s.csrf.parameterName, value: s.csrf.token }));
    form.appendChild(el('button', { type: 'submit', id: 'logout', class: 'link-button' }, 'Đăng xuất'));
    box.appendChild(form);
    header.appendChild(box);
    nativeFetch('/api/notifications/unread-count', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) {
        if (c && c.unread > 0) {
          count.textContent = ' ' + c.unread;
          count.hidden = false;
          count.setAttribute('aria-label', c.unread + ' thông báo chưa đọc');
        }
      }, function () {});
  }

  function ready(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  ready(function () {
    session.then(renderUser, function () {});
  });
})();
