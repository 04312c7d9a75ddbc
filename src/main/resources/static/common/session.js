/*
 * Shared by every page of the project (include it before the page's own script):
 * - adds the session's CSRF token (header X-CSRF-TOKEN, from GET /api/session) to every changing request
 *   the page makes with fetch(), so pages need no code of their own for it;
 * - shows the signed-in user, their unread notifications and a logout button in the page's header;
 * - shows the one menu of the project (GET /api/workspace: the sections this person's role may open) in place of
 *   the page's own navigation; the page's links within its own section stay, under the header ("Trong mục này");
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

  function pathOf(href) {
    try {
      return new URL(href, window.location.href).pathname;
    } catch (e) {
      return href;
    }
  }

  function sectionOf(path) {
    return '/' + path.split('/')[1] + '/';
  }

  function renderMenu(w) {
    var header = document.querySelector('.site-header');
    if (!header || !w || !Array.isArray(w.sections) || document.getElementById('main-menu')) return;
    var here = window.location.pathname;
    var section = sectionOf(here);
    var menu = el('nav', { id: 'main-menu', 'aria-label': 'Điều hướng chính' });
    var list = el('ul');
    var menuPaths = {};
    var current = w.sections.filter(function (s) { return pathOf(s.href) === here; })[0]
      || w.sections.filter(function (s) { return sectionOf(pathOf(s.href)) === section; })[0];
    w.sections.forEach(function (s) {
      menuPaths[pathOf(s.href)] = true;
      var a = el('a', { id: 'menu-' + s.id, href: s.href }, s.label);
      if (s === current) a.setAttribute('aria-current', 'page');
      var item = el('li');
      item.appendChild(a);
      list.appendChild(item);
    });
    menu.appendChild(list);

    var own = header.querySelector('nav');
    var local = [];
    if (own) {
      Array.prototype.forEach.call(own.querySelectorAll('a'), function (a) {
        var path = pathOf(a.getAttribute('href'));
        if (sectionOf(path) === section && !menuPaths[path] && path !== section + 'index.html') local.push(a);
      });
      own.replaceWith(menu);
    } else {
      var brand = header.querySelector('.brand, .site-title');
      if (brand && brand.nextSibling) header.insertBefore(menu, brand.nextSibling); else header.appendChild(menu);
    }
    if (local.length) {
      var sub = el('nav', { id: 'section-menu', class: 'section-nav', 'aria-label': 'Trong mục này' });
      var subList = el('ul');
      local.forEach(function (a) {
        var item = el('li');
        item.appendChild(a);
        subList.appendChild(item);
      });
      sub.appendChild(subList);
      header.parentNode.insertBefore(sub, header.nextSibling);
    }
  }

  function ready(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  ready(function () {
    session.then(renderUser, function () {});
    session.then(function (s) {
      if (!s) return null;
      return nativeFetch('/api/workspace', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; });
    }).then(renderMenu, function () {});
  });
})();
