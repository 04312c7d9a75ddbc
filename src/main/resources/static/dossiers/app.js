/*
 * Unit officers' pages: dossier list (index.html), proposal form (new.html), dossier view (view.html).
 * Plain JavaScript, no build step. All data from the server is put into the page with textContent
 * and setAttribute only, never as HTML. Each page's <body data-page="..."> selects its initialiser.
 */
(function () {
  'use strict';

  // ---------------------------------------------------------------- vocabulary

  var STATUS_LABELS = {
    DRAFT: 'Bản nháp',
    SUBMITTED: 'Đã nộp',
    IN_APPRAISAL: 'Đang thẩm định',
    AWAITING_SUPPLEMENT: 'Chờ bổ sung',
    AWAITING_COUNCIL: 'Chờ Hội đồng xét',
    PUBLIC_NOTICE: 'Đang công khai',
    AWAITING_DECISION: 'Chờ quyết định',
    SUBMITTED_TO_STATE: 'Đã trình cấp Nhà nước',
    AWARDED: 'Đã khen thưởng',
    NOT_AWARDED: 'Không khen thưởng',
    RETURNED: 'Đã trả lại',
    WITHDRAWN: 'Đã rút'
  };

  var AWARD_KIND_LABELS = {
    ANNUAL: 'Khen thưởng thường xuyên (thành tích năm)',
    SUDDEN: 'Khen thưởng đột xuất',
    THEMATIC: 'Khen thưởng theo chuyên đề, đợt',
    CONTRIBUTION: 'Khen thưởng quá trình cống hiến',
    SENIORITY: 'Khen thưởng theo niên hạn',
    DIPLOMATIC: 'Khen thưởng đối ngoại'
  };

  var SUBJECT_KIND_LABELS = { INDIVIDUAL: 'Cá nhân', COLLECTIVE: 'Tập thể' };

  var AWARD_LEVEL_LABELS = {
    PROVINCIAL: 'Cấp tỉnh (Chủ tịch UBND tỉnh quyết định)',
    STATE: 'Cấp Nhà nước (tỉnh trình)'
  };

  var DOCUMENT_TYPE_LABELS = {
    PROPOSAL_LETTER: 'Tờ trình đề nghị khen thưởng',
    ACHIEVEMENT_REPORT: 'Báo cáo thành tích có xác nhận của cấp trên',
    REVIEW_MINUTES: 'Biên bản họp Hội đồng Thi đua - Khen thưởng đơn vị',
    INITIATIVE_PROOF: 'Minh chứng sáng kiến, đề tài khoa học',
    CONCURRENCE: 'Văn bản hiệp y',
    ACHIEVEMENT_SUMMARY: 'Tóm tắt thành tích (thủ tục đơn giản)',
    SUPPLEMENT: 'Tài liệu bổ sung',
    OTHER: 'Tài liệu khác'
  };

  var GENERIC_ERROR = 'Đã có lỗi xảy ra. Vui lòng thử lại sau.';
  var NETWORK_ERROR = 'Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.';
  var DEFAULT_DETAILS = {
    400: 'Dữ liệu chưa hợp lệ.',
    401: 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết. Tải lại trang để đăng nhập.',
    403: 'Bạn không có quyền thực hiện thao tác này.',
    404: 'Không tìm thấy hồ sơ.',
    409: 'Không thực hiện được thao tác ở trạng thái hiện tại của hồ sơ.',
    413: 'Tệp tải lên vượt quá dung lượng cho phép.'
  };

  /** Content types by extension, for files the browser gives no type (often .docx). */
  var CONTENT_TYPES = {
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png'
  };

  // ---------------------------------------------------------------- DOM helpers

  function $(selector, root) {
    return (root || document).querySelector(selector);
  }

  function $all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  /**
   * Creates an element. Attributes are set with setAttribute (or as properties for "class" and
   * "text"); children that are not nodes become text nodes, so data is never parsed as HTML.
   */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    var key;
    attrs = attrs || {};
    for (key in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, key)) continue;
      var value = attrs[key];
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') {
        el.className = value;
      } else if (key === 'text') {
        el.textContent = String(value);
      } else if (key === 'dataset') {
        Object.keys(value).forEach(function (k) { el.dataset[k] = value[k]; });
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      appendChildren(el, arguments[i]);
    }
    return el;
  }

  function appendChildren(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) {
      child.forEach(function (c) { appendChildren(el, c); });
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }

  function setText(el, value) {
    if (el) el.textContent = value === null || value === undefined ? '' : String(value);
  }

  /** A link target from the server, kept only if it stays on this site (no javascript: or other hosts). */
  function safeUrl(url) {
    if (typeof url !== 'string' || url === '') return null;
    try {
      var parsed = new URL(url, window.location.href);
      if (parsed.origin !== window.location.origin) return null;
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
      return parsed.pathname + parsed.search + parsed.hash;
    } catch (e) {
      return null;
    }
  }

  function dossierUrl(page, code) {
    return page + '?code=' + encodeURIComponent(code);
  }

  function queryParam(name) {
    return new URLSearchParams(window.location.search).get(name);
  }

  // ---------------------------------------------------------------- formatting

  /** "4.140.000 đồng": thousands grouped with dots, as written in Vietnamese documents. */
  function formatMoney(amount) {
    return String(Math.round(Number(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.') + ' đồng';
  }

  function pad2(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /**
   * An instant as dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. Vietnam keeps UTC+7 all year (no daylight
   * saving since 1975), so a fixed offset gives the same result as the IANA zone without needing
   * the browser's time-zone data.
   */
  function formatDateTime(value) {
    if (value === null || value === undefined || value === '') return '—';
    var date;
    if (typeof value === 'number') {
      date = new Date(value);
    } else {
      // more than millisecond precision is not parsed by every engine
      date = new Date(String(value).replace(/(\.\d{3})\d+/, '$1'));
    }
    if (isNaN(date.getTime())) return String(value);
    var t = new Date(date.getTime() + 7 * 3600 * 1000);
    return pad2(t.getUTCDate()) + '/' + pad2(t.getUTCMonth() + 1) + '/' + t.getUTCFullYear() + ' ' +
      pad2(t.getUTCHours()) + ':' + pad2(t.getUTCMinutes());
  }

  /** A calendar date (YYYY-MM-DD, no time zone) as dd/MM/yyyy. */
  function formatDate(value) {
    if (value === null || value === undefined || value === '') return '—';
    if (Array.isArray(value) && value.length >= 3) {
      return pad2(value[2]) + '/' + pad2(value[1]) + '/' + value[0];
    }
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
    return m ? m[3] + '/' + m[2] + '/' + m[1] : String(value);
  }

  /** A file size in Vietnamese notation (decimal comma). */
  function formatSize(bytes) {
    if (typeof bytes !== 'number' || !isFinite(bytes)) return '—';
    if (bytes < 1024) return bytes + ' B';
    var units = ['KB', 'MB', 'GB'];
    var size = bytes / 1024;
    var unit = 0;
    while (size >= 1024 && unit < units.length - 1) {
      size /= 1024;
      unit++;
    }
    return size.toFixed(size < 10 ? 1 : 0).replace('.', ',') + ' ' + units[unit];
  }

  function label(map, code) {
    if (code === null || code === undefined || code === '') return '—';
    return Object.prototype.hasOwnProperty.call(map, code) ? map[code] : String(code);
  }

  /** The whole procedure's time limit (tdkt.deadlines.procedure-working-days) as one detail row. */
  function procedureDeadlineRow(pd) {
    if (!pd || pd.state === 'NOT_STARTED') return null;
    var text = 'Thời hạn giải quyết ' + pd.workingDays + ' ngày làm việc kể từ khi nhận đủ hồ sơ';
    if (pd.dueText) text += ': hạn ' + pd.dueText;
    text += ' — ' + (pd.stateLabel || pd.state);
    return ['Thời hạn giải quyết', 'procedureDeadline', text];
  }

  function statusBadge(status, statusLabel, extraClass) {
    return h('span', {
      class: 'status' + (extraClass ? ' ' + extraClass : ''),
      'data-status': status || ''
    }, statusLabel || label(STATUS_LABELS, status));
  }

  // ---------------------------------------------------------------- HTTP

  /** An unsuccessful API call: the HTTP status (0 for no answer) and the RFC 7807 problem, normalised. */
  function ApiError(status, problem) {
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.message = problem.detail;
  }
  ApiError.prototype = Object.create(Error.prototype);
  ApiError.prototype.constructor = ApiError;

  function toProblem(status, body) {
    var problem = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
    var errors = Array.isArray(problem.errors) ? problem.errors.filter(function (e) {
      return e && typeof e === 'object';
    }) : [];
    var detail = typeof problem.detail === 'string' && problem.detail.trim() !== '' ? problem.detail
      : (DEFAULT_DETAILS[status] || GENERIC_ERROR);
    return {
      type: problem.type || null,
      title: typeof problem.title === 'string' ? problem.title : null,
      status: status,
      detail: detail,
      errors: errors
    };
  }

  /**
   * Calls the project's API. Resolves with the parsed JSON body (null if none); rejects with an
   * ApiError carrying the problem details. Credentials (HTTP Basic, cached by the browser) are sent
   * with same-origin requests.
   */
  function api(url, options) {
    options = options || {};
    var headers = { Accept: 'application/json, application/problem+json' };
    if (options.contentType) headers['Content-Type'] = options.contentType;
    return fetch(url, {
      method: options.method || 'GET',
      headers: headers,
      body: options.body,
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        if (text) {
          try {
            body = JSON.parse(text);
          } catch (e) {
            body = null;
          }
        }
        if (!response.ok) throw new ApiError(response.status, toProblem(response.status, body));
        return body;
      });
    }, function () {
      throw new ApiError(0, toProblem(0, { title: 'Lỗi kết nối', detail: NETWORK_ERROR }));
    });
  }

  function problemOf(error) {
    if (error instanceof ApiError) return error.problem;
    return toProblem(0, { detail: GENERIC_ERROR });
  }

  function quoteHeaderValue(value) {
    // as browsers do for form-data names and file names (HTML standard)
    return String(value).replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  }

  function contentTypeOf(file) {
    if (file.type) return file.type;
    var m = /\.([A-Za-z0-9]+)$/.exec(file.name || '');
    return (m && CONTENT_TYPES[m[1].toLowerCase()]) || 'application/octet-stream';
  }

  /**
   * A multipart/form-data body. Built by hand rather than with FormData so that the JSON part has
   * its content type but no file name: the server takes every part with a file name for an
   * uploaded document. parts: [{name, json}] | [{name, text}] | [{name, file}].
   */
  function multipart(parts) {
    var random = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(random);
    var boundary = '----TdktBoundary' + Array.prototype.map.call(random, function (b) {
      return (b < 16 ? '0' : '') + b.toString(16);
    }).join('');
    var chunks = [];
    parts.forEach(function (part) {
      var head = '--' + boundary + '\r\nContent-Disposition: form-data; name="' + quoteHeaderValue(part.name) + '"';
      var content;
      if (part.file) {
        head += '; filename="' + quoteHeaderValue(part.file.name || 'tep') + '"\r\nContent-Type: ' +
          contentTypeOf(part.file) + '\r\n';
        content = part.file;
      } else if (part.json !== undefined) {
        head += '\r\nContent-Type: application/json\r\n';
        content = JSON.stringify(part.json);
      } else {
        head += '\r\n';
        content = String(part.text);
      }
      chunks.push(head + '\r\n', content, '\r\n');
    });
    chunks.push('--' + boundary + '--\r\n');
    return { body: new Blob(chunks), contentType: 'multipart/form-data; boundary=' + boundary };
  }

  function sendMultipart(method, url, parts) {
    var request = multipart(parts);
    return api(url, { method: method, body: request.body, contentType: request.contentType });
  }

  var awardTypesPromise = null;

  function loadAwardTypes() {
    if (!awardTypesPromise) {
      awardTypesPromise = api('/api/award-types').then(function (list) {
        return Array.isArray(list) ? list : [];
      });
      awardTypesPromise.catch(function () { awardTypesPromise = null; });
    }
    return awardTypesPromise;
  }

  /** Award types as <optgroup>s by level (provincial, State) into a <select>, after its first option. */
  function fillAwardTypeSelect(select, awardTypes) {
    var byLevel = {};
    awardTypes.forEach(function (a) {
      var level = a.level || 'OTHER';
      (byLevel[level] = byLevel[level] || []).push(a);
    });
    Object.keys(byLevel).sort(function (x, y) {
      var order = ['PROVINCIAL', 'STATE'];
      return (order.indexOf(x) + 1 || 99) - (order.indexOf(y) + 1 || 99);
    }).forEach(function (level) {
      var group = h('optgroup', { label: label(AWARD_LEVEL_LABELS, level) });
      byLevel[level].forEach(function (a) {
        group.appendChild(h('option', { value: a.code }, a.name || a.code));
      });
      select.appendChild(group);
    });
  }

  // ---------------------------------------------------------------- error rendering

  /** Removes field messages and aria-invalid marks inside root. */
  function clearFieldErrors(root) {
    $all('[aria-invalid="true"]', root).forEach(function (el) { el.removeAttribute('aria-invalid'); });
    $all('.field-error', root).forEach(function (el) { el.textContent = ''; });
    $all('.doc-item.invalid', root).forEach(function (el) { el.classList.remove('invalid'); });
  }

  function hideSummary(summary) {
    summary.hidden = true;
    summary.textContent = '';
  }

  /** Clears one control's error as soon as the user changes it. */
  function clearOnEdit(root) {
    function handler(event) {
      var el = event.target;
      if (!el || el.getAttribute('aria-invalid') !== 'true') return;
      el.removeAttribute('aria-invalid');
      setText(document.getElementById('error-' + el.id), '');
      var item = el.closest('.doc-item');
      if (item) item.classList.remove('invalid');
    }
    root.addEventListener('input', handler);
    root.addEventListener('change', handler);
  }

  /**
   * Shows a problem: each field error next to its control (found by resolveControl(field)), marked
   * aria-invalid, and a summary at the top that lists every message, linked to its control.
   * Returns the number of errors.
   */
  function showProblem(summary, problem, resolveControl, heading, note) {
    var items = [];
    var seen = {};
    problem.errors.forEach(function (error) {
      var message = typeof error.message === 'string' && error.message ? error.message : GENERIC_ERROR;
      var control = error.field && resolveControl ? resolveControl(String(error.field)) : null;
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        var item = control.closest('.doc-item');
        if (item) item.classList.add('invalid');
        var slot = document.getElementById('error-' + control.id);
        if (slot) slot.appendChild(h('span', null, message));
      }
      var key = (control ? control.id : '') + '|' + message;
      if (seen[key]) return;
      seen[key] = true;
      items.push(h('li', null, control ? h('a', { href: '#' + control.id }, message) : message));
    });
    summary.textContent = '';
    summary.appendChild(h('p', null, h('strong', null, heading || problem.title || 'Không thực hiện được')));
    if (note) summary.appendChild(h('p', null, note));
    var messages = problem.errors.map(function (e) { return e.message; });
    if (problem.detail && messages.indexOf(problem.detail) < 0) {
      summary.appendChild(h('p', null, problem.detail));
    }
    if (items.length) summary.appendChild(h('ul', null, items));
    summary.hidden = false;
    summary.focus({ preventScroll: false });
    // a link in the summary moves focus to its control
    $all('a[href^="#"]', summary).forEach(function (a) {
      a.addEventListener('click', function (event) {
        var target = document.getElementById(a.getAttribute('href').slice(1));
        if (target) {
          event.preventDefault();
          target.scrollIntoView({ block: 'center' });
          target.focus();
        }
      });
    });
    return items.length;
  }

  function showMessage(el, kind, text) {
    el.className = 'message message-' + kind;
    el.textContent = '';
    if (Array.isArray(text)) {
      appendChildren(el, text);
    } else {
      el.appendChild(h('p', null, text));
    }
  }

  function clearMessage(el) {
    el.textContent = '';
  }

  // ---------------------------------------------------------------- list page

  function initList() {
    var form = $('#filters');
    var statusSelect = $('#filter-status');
    var yearInput = $('#filter-year');
    var awardTypeSelect = $('#filter-award-type');
    var textInput = $('#filter-q');
    var sortSelect = $('#filter-sort');
    var unitSelect = $('#filter-unit');
    var rows = $('#dossier-rows');
    var table = $('#dossier-table');
    var message = $('#list-message');
    var prev = $('#page-prev');
    var next = $('#page-next');
    var pageInfo = $('#page-info');
    var awardTypeNames = {};
    var DEFAULT_SIZE = 20;

    Object.keys(STATUS_LABELS).forEach(function (code) {
      statusSelect.appendChild(h('option', { value: code }, STATUS_LABELS[code]));
    });

    var initial = new URLSearchParams(window.location.search);
    var state = {
      status: initial.get('status') || '',
      year: initial.get('year') || '',
      awardType: initial.get('awardType') || '',
      q: initial.get('q') || '',
      sort: initial.get('sort') || '',
      unit: initial.get('unit') || '',
      page: Math.max(0, parseInt(initial.get('page'), 10) || 0),
      size: Math.min(200, Math.max(1, parseInt(initial.get('size'), 10) || DEFAULT_SIZE))
    };
    statusSelect.value = state.status;
    yearInput.value = state.year;
    textInput.value = state.q;
    sortSelect.value = state.sort;

    // the unit filter, for those who see more than one unit's dossiers
    api('/api/dossiers/units').then(function (units) {
      if (Array.isArray(units) && units.length > 1) {
        units.forEach(function (u) { unitSelect.appendChild(h('option', { value: u.code }, u.name)); });
        unitSelect.value = state.unit;
        $('#filter-unit-field').hidden = false;
      }
    }, function () { /* the list works without it */ });

    loadAwardTypes().then(function (types) {
      fillAwardTypeSelect(awardTypeSelect, types);
      types.forEach(function (a) { awardTypeNames[a.code] = a.name; });
      awardTypeSelect.value = state.awardType;
      // rows drawn before the catalogue arrived show codes: name them now
      $all('[data-award-type]', rows).forEach(function (el) {
        setText(el, awardTypeNames[el.dataset.awardType] || el.dataset.awardType);
      });
    }, function () {
      awardTypeSelect.appendChild(h('option', { value: state.awardType, disabled: true },
        'Không tải được danh mục hình thức khen thưởng'));
    });

    function query() {
      var q = new URLSearchParams();
      if (state.status) q.set('status', state.status);
      if (state.year) q.set('year', state.year);
      if (state.awardType) q.set('awardType', state.awardType);
      if (state.q) q.set('q', state.q);
      if (state.sort) q.set('sort', state.sort);
      if (state.unit) q.set('unit', state.unit);
      q.set('page', String(state.page));
      q.set('size', String(state.size));
      return q;
    }

    function load() {
      var q = query();
      var shown = new URLSearchParams(q);
      if (state.page === 0) shown.delete('page');
      if (state.size === DEFAULT_SIZE) shown.delete('size');
      var search = shown.toString();
      window.history.replaceState(null, '', window.location.pathname + (search ? '?' + search : ''));
      table.setAttribute('aria-busy', 'true');
      prev.disabled = true;
      next.disabled = true;
      showMessage(message, 'info', 'Đang tải danh sách hồ sơ…');
      api('/api/dossiers?' + q.toString()).then(render, function (error) {
        var problem = problemOf(error);
        rows.textContent = '';
        setText(pageInfo, '');
        var lines = [h('p', null, h('strong', null, 'Không tải được danh sách hồ sơ.')), h('p', null, problem.detail)];
        if (problem.errors.length) {
          lines.push(h('ul', null, problem.errors.map(function (e) { return h('li', null, e.message); })));
        }
        showMessage(message, 'error', lines);
      }).then(function () {
        table.setAttribute('aria-busy', 'false');
      });
    }

    function render(data) {
      data = data || {};
      var items = Array.isArray(data.items) ? data.items : [];
      var total = typeof data.total === 'number' ? data.total : items.length;
      var size = data.size || state.size;
      var page = typeof data.page === 'number' ? data.page : state.page;
      var pages = Math.max(1, Math.ceil(total / size));
      rows.textContent = '';
      items.forEach(function (d) {
        rows.appendChild(h('tr', { 'data-code': d.code, 'data-status': d.status },
          h('td', { 'data-label': 'Mã hồ sơ', class: 'nowrap' },
            h('a', { class: 'dossier-link', href: dossierUrl('view.html', d.code) }, d.code)),
          h('td', { 'data-label': 'Đối tượng' }, h('div', null,
            h('span', { class: 'subject-name' }, d.subjectName || '—'),
            h('span', { class: 'muted sub' }, label(SUBJECT_KIND_LABELS, d.subjectKind) +
              (d.unitName || d.unitCode ? ' · Đơn vị: ' + (d.unitName || d.unitCode) : '')))),
          h('td', { 'data-label': 'Hình thức' }, h('div', null,
            h('span', { class: 'award-type-name', 'data-award-type': d.awardType || '' },
              awardTypeNames[d.awardType] || d.awardTypeName || d.awardType || '—'),
            h('span', { class: 'muted sub' }, label(AWARD_KIND_LABELS, d.awardKind)))),
          h('td', { 'data-label': 'Năm', class: 'num' }, d.year === null || d.year === undefined ? '—' : d.year),
          h('td', { 'data-label': 'Trạng thái' }, statusBadge(d.status, d.statusLabel)),
          h('td', { 'data-label': 'Ngày tạo' }, formatDateTime(d.createdAt)),
          h('td', { 'data-label': 'Ngày nộp' }, formatDateTime(d.submittedAt))));
      });
      if (total === 0) {
        showMessage(message, 'info', 'Không có hồ sơ nào phù hợp.');
      } else {
        showMessage(message, 'info', 'Tìm thấy ' + total + ' hồ sơ.');
      }
      setText(pageInfo, total === 0 ? '' : 'Trang ' + (page + 1) + '/' + pages);
      prev.disabled = page <= 0;
      next.disabled = page + 1 >= pages;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      state.status = statusSelect.value;
      state.year = yearInput.value.trim();
      state.awardType = awardTypeSelect.value;
      state.q = textInput.value.trim();
      state.sort = sortSelect.value;
      state.unit = unitSelect.value;
      state.page = 0;
      load();
    });
    $('#filter-reset').addEventListener('click', function () {
      form.reset();
      statusSelect.value = '';
      yearInput.value = '';
      awardTypeSelect.value = '';
      textInput.value = '';
      sortSelect.value = '';
      unitSelect.value = '';
      state.status = state.year = state.awardType = state.q = state.sort = state.unit = '';
      state.page = 0;
      load();
    });
    prev.addEventListener('click', function () {
      if (state.page > 0) {
        state.page--;
        load();
      }
    });
    next.addEventListener('click', function () {
      state.page++;
      load();
    });

    load();
  }

  // ---------------------------------------------------------------- proposal form

  var DOSSIER_FIELDS = ['awardType', 'awardKind', 'year', 'subjectKind', 'subjectRole', 'subjectName', 'birthDate',
    'position', 'workUnit', 'achievements'];
  var INDIVIDUAL_FIELDS = ['birthDate', 'position', 'workUnit'];

  function initNew() {
    var form = $('#dossier-form');
    var summary = $('#form-errors');
    var status = $('#form-status');
    var awardTypeSelect = $('#awardType');
    var subjectKindSelect = $('#subjectKind');
    var achievements = $('#achievements');
    var buttons = [$('#save-draft'), $('#submit-dossier')];
    var code = queryParam('code');
    var awardTypes = [];
    var thisYear = new Date().getFullYear();

    // thematic movements: chosen when the kind is THEMATIC
    var movementSelect = $('#movementId');
    function updateMovementField() {
      $('#movement-field').hidden = form.elements.awardKind.value !== 'THEMATIC';
    }
    form.elements.awardKind.addEventListener('change', updateMovementField);
    api('/api/movements').then(function (list) {
      (Array.isArray(list) ? list : []).forEach(function (entry) {
        var m = entry.movement || {};
        movementSelect.appendChild(h('option', { value: m.id },
          m.name + (entry.open ? '' : ' (ngoài thời gian nhận hồ sơ)')));
      });
    }, function () { /* the server names the field if a movement is needed */ });

    var year = $('#year');
    year.value = String(thisYear);
    year.min = String(thisYear - 5);
    year.max = String(thisYear + 1);
    $('#birthDate').max = (thisYear - 15) + '-12-31';

    function updateCounter() {
      setText($('#achievements-count'), 'Đã nhập ' + achievements.value.length + '/8000');
    }
    achievements.addEventListener('input', updateCounter);

    function selectedAwardType() {
      var codeValue = awardTypeSelect.value;
      for (var i = 0; i < awardTypes.length; i++) {
        if (awardTypes[i].code === codeValue) return awardTypes[i];
      }
      return null;
    }

    /** Offers only the subject kinds the chosen award is given to. */
    function updateSubjectKinds() {
      var award = selectedAwardType();
      var allowed = award && Array.isArray(award.subjectKinds) ? award.subjectKinds : null;
      var enabled = [];
      $all('option', subjectKindSelect).forEach(function (option) {
        if (!option.value) return;
        option.disabled = !!allowed && allowed.indexOf(option.value) < 0;
        if (!option.disabled) enabled.push(option.value);
      });
      var current = subjectKindSelect.selectedOptions[0];
      if (current && current.disabled) subjectKindSelect.value = '';
      if (allowed && enabled.length === 1 && !subjectKindSelect.value) subjectKindSelect.value = enabled[0];
      setText($('#subjectKind-hint'), allowed
        ? 'Hình thức này xét cho: ' + enabled.map(function (k) { return label(SUBJECT_KIND_LABELS, k).toLowerCase(); }).join(', ') + '.'
        : '');
      setText($('#awardType-hint'), award && award.legalBasis ? 'Căn cứ: ' + award.legalBasis : '');
      updateIndividualFields();
    }

    function updateIndividualFields() {
      $('#individual-fields').hidden = subjectKindSelect.value === 'COLLECTIVE';
    }

    awardTypeSelect.addEventListener('change', updateSubjectKinds);
    subjectKindSelect.addEventListener('change', updateIndividualFields);
    clearOnEdit(form);

    function setBusy(busy, text) {
      buttons.forEach(function (b) { b.disabled = busy; });
      form.setAttribute('aria-busy', busy ? 'true' : 'false');
      if (text) showMessage(status, 'info', text); else clearMessage(status);
    }

    function collect() {
      var dossier = {};
      var individual = subjectKindSelect.value !== 'COLLECTIVE';
      DOSSIER_FIELDS.forEach(function (name) {
        var value = form.elements[name].value;
        value = typeof value === 'string' ? value.trim() : value;
        if (!individual && INDIVIDUAL_FIELDS.indexOf(name) >= 0) value = '';
        dossier[name] = value === '' ? null : value;
      });
      if (dossier.year !== null) {
        dossier.year = /^-?\d+$/.test(dossier.year) ? parseInt(dossier.year, 10) : null;
      }
      var unit = $('#unitCode').value.trim();
      if (unit) dossier.unitCode = unit;
      if (dossier.awardKind === 'THEMATIC' && $('#movementId').value) dossier.movementId = $('#movementId').value;
      var parts = [{ name: 'dossier', json: dossier }];
      $all('.doc-item input[type="file"]', form).forEach(function (input) {
        Array.prototype.forEach.call(input.files || [], function (file) {
          parts.push({ name: input.name, file: file });
        });
      });
      return parts;
    }

    function resolveControl(field) {
      var m = /^documents\.(.+)$/.exec(field);
      if (m) return document.getElementById('doc-' + m[1]);
      if (field === 'unitCode') $('#unitCode-field').hidden = false;
      if (field === 'movementId') $('#movement-field').hidden = false;
      var el = document.getElementById(field);
      return el && form.contains(el) ? el : null;
    }

    function fail(error, heading, note) {
      var problem = problemOf(error);
      if (problem.errors.some(function (e) { return e.field && INDIVIDUAL_FIELDS.indexOf(e.field) >= 0; })) {
        $('#individual-fields').hidden = false;
      }
      showProblem(summary, problem, resolveControl, heading, note);
    }

    function showExistingDocuments(documents) {
      var list = $('#existing-documents');
      list.textContent = '';
      (documents || []).forEach(function (doc) {
        var url = safeUrl(doc.url);
        list.appendChild(h('li', { 'data-document-id': doc.id },
          (doc.typeLabel || label(DOCUMENT_TYPE_LABELS, doc.type)) + ': ',
          url ? h('a', { href: url, target: '_blank', rel: 'noopener' }, doc.fileName) : doc.fileName,
          ' (' + formatSize(doc.sizeBytes) + ')'));
      });
      $('#existing-documents-section').hidden = !(documents && documents.length);
    }

    function clearFileInputs() {
      $all('.doc-item input[type="file"]', form).forEach(function (input) { input.value = ''; });
    }

    function fill(d) {
      if (d.awardType && !$all('option', awardTypeSelect).some(function (o) { return o.value === d.awardType; })) {
        awardTypeSelect.appendChild(h('option', { value: d.awardType }, d.awardTypeName || d.awardType));
      }
      awardTypeSelect.value = d.awardType || '';
      updateSubjectKinds();
      form.elements.awardKind.value = d.awardKind || '';
      form.elements.year.value = d.year === null || d.year === undefined ? '' : String(d.year);
      subjectKindSelect.value = d.subjectKind || '';
      ['subjectName', 'position', 'workUnit', 'achievements'].forEach(function (name) {
        form.elements[name].value = d[name] || '';
      });
      form.elements.birthDate.value = typeof d.birthDate === 'string' ? d.birthDate.slice(0, 10) : '';
      updateIndividualFields();
      updateCounter();
      showExistingDocuments(d.documents);
    }

    var ready = loadAwardTypes().then(function (types) {
      awardTypes = types;
      fillAwardTypeSelect(awardTypeSelect, types);
      updateSubjectKinds();
    }, function (error) {
      showProblem(summary, problemOf(error), null, 'Không tải được danh mục hình thức khen thưởng.');
    });

    if (code) {
      setText($('#form-title'), 'Sửa bản nháp hồ sơ ' + code);
      document.title = 'Sửa bản nháp ' + code + ' — UBND tỉnh Sơn La';
      $('#cancel-link').setAttribute('href', dossierUrl('view.html', code));
      setText($('#cancel-link'), 'Hủy, về hồ sơ');
      setBusy(true, 'Đang tải bản nháp…');
      Promise.all([ready, api('/api/dossiers/' + encodeURIComponent(code))]).then(function (results) {
        var d = results[1] || {};
        fill(d);
        if (d.status !== 'DRAFT') {
          setBusy(true, null);
          $all('input, select, textarea', form).forEach(function (el) { el.disabled = true; });
          showMessage(status, 'error', [
            h('p', null, 'Hồ sơ ' + code + ' không còn là bản nháp (' + (d.statusLabel || label(STATUS_LABELS, d.status)) +
              '), không sửa được.'),
            h('p', null, h('a', { href: dossierUrl('view.html', code) }, 'Xem hồ sơ'))]);
          return;
        }
        setBusy(false, null);
      }, function (error) {
        setBusy(true, null);
        showProblem(summary, problemOf(error), null, 'Không tải được bản nháp ' + code + '.');
      });
    } else {
      updateCounter();
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var submitter = event.submitter || document.activeElement;
      var draft = !submitter || submitter.id !== 'submit-dossier';
      if (buttons[0].disabled) return;
      clearFieldErrors(form);
      hideSummary(summary);
      var parts = collect();
      setBusy(true, draft ? 'Đang lưu bản nháp…' : 'Đang nộp hồ sơ…');

      var done = function (d) {
        var target = d && d.code ? d.code : code;
        showMessage(status, 'ok', draft ? 'Đã lưu bản nháp. Đang mở hồ sơ…' : 'Đã nộp hồ sơ. Đang mở hồ sơ…');
        window.location.assign(dossierUrl('view.html', target));
      };

      if (!code) {
        sendMultipart('POST', '/api/dossiers' + (draft ? '?draft=true' : ''), parts).then(done, function (error) {
          setBusy(false, null);
          fail(error, draft ? 'Chưa lưu được bản nháp.' : 'Chưa nộp được hồ sơ.');
        });
        return;
      }
      var path = '/api/dossiers/' + encodeURIComponent(code);
      sendMultipart('PUT', path, parts).then(function (saved) {
        // the files are stored now: do not send them again
        clearFileInputs();
        if (saved) showExistingDocuments(saved.documents);
        if (draft) return done(saved);
        return api(path + '/submission', { method: 'POST' }).then(done, function (error) {
          setBusy(false, null);
          fail(error, 'Chưa nộp được hồ sơ.', 'Bản nháp đã được lưu với các thay đổi vừa nhập; hồ sơ chưa được nộp.');
        });
      }, function (error) {
        setBusy(false, null);
        fail(error, draft ? 'Chưa lưu được bản nháp.' : 'Chưa nộp được hồ sơ.');
      });
    });
  }

  // ---------------------------------------------------------------- dossier view

  function initView() {
    var code = queryParam('code');
    var message = $('#page-message');
    var article = $('#dossier');

    if (!code) {
      showMessage(message, 'error', [h('p', null, 'Thiếu mã hồ sơ trong địa chỉ trang.'),
        h('p', null, h('a', { href: 'index.html' }, 'Về danh sách hồ sơ'))]);
      return;
    }
    document.title = 'Hồ sơ ' + code + ' — UBND tỉnh Sơn La';
    setText($('#dossier-title'), 'Hồ sơ ' + code);

    function detailRows(dl, rows) {
      dl.textContent = '';
      rows.forEach(function (row) {
        if (!row) return;
        dl.appendChild(h('dt', null, row[0]));
        dl.appendChild(h('dd', { 'data-field': row[1] }, row[2]));
      });
    }

    function valueOrDash(v) {
      return v === null || v === undefined || v === '' ? '—' : v;
    }

    function signatureBadge(status, text, signer, problem) {
      if (!status) return h('span', { class: 'muted' }, text || 'Chưa kiểm tra');
      var detail = [signer ? 'Người ký: ' + signer : null, problem].filter(Boolean).join('. ');
      return h('span', {}, h('span', { class: 'signature', 'data-signature': status }, text || status),
        detail ? h('span', { class: 'signature-detail' }, ' ' + detail) : null);
    }

    function hashElement(sha) {
      if (!sha) return '—';
      var shortText = sha.length > 12 ? sha.slice(0, 12) + '…' : sha;
      return h('span', { class: 'hash', title: sha },
        h('code', { 'aria-hidden': 'true' }, shortText),
        h('span', { class: 'visually-hidden' }, 'SHA-256 ' + sha));
    }

    function render(d) {
      setText($('#dossier-title'), 'Hồ sơ ' + d.code);
      var badge = $('#dossier-status');
      badge.setAttribute('data-status', d.status || '');
      setText(badge, d.statusLabel || label(STATUS_LABELS, d.status));

      var steps = Array.isArray(d.currentSteps) ? d.currentSteps : [];
      setText($('#dossier-steps'), steps.length ? 'Bước hiện tại: ' + steps.join('; ') : '');
      $('#dossier-steps').hidden = !steps.length;

      var edit = $('#edit-draft');
      edit.hidden = d.status !== 'DRAFT';
      edit.setAttribute('href', dossierUrl('new.html', d.code));

      var reasonBox = $('#status-reason');
      var reasonLabels = {
        RETURNED: 'Lý do trả lại hồ sơ:',
        NOT_AWARDED: 'Lý do không khen thưởng:',
        AWAITING_SUPPLEMENT: 'Nội dung cần bổ sung:',
        WITHDRAWN: 'Lý do rút hồ sơ:'
      };
      if (d.statusReason) {
        reasonBox.hidden = false;
        reasonBox.className = 'status-reason' + (d.status === 'RETURNED' || d.status === 'NOT_AWARDED' ? '' : ' neutral');
        setText($('#status-reason-label'), reasonLabels[d.status] || 'Ghi chú:');
        setText($('#status-reason-text'), d.statusReason);
      } else {
        reasonBox.hidden = true;
      }

      var individual = d.subjectKind === 'INDIVIDUAL';
      detailRows($('#dossier-details'), [
        ['Mã hồ sơ', 'code', d.code],
        ['Đơn vị đề nghị', 'unitName', valueOrDash(d.unitName || d.unitCode)],
        ['Hình thức khen thưởng', 'awardTypeName', valueOrDash(d.awardTypeName || d.awardType)],
        ['Loại hình khen thưởng', 'awardKind', label(AWARD_KIND_LABELS, d.awardKind)],
        ['Năm đề nghị', 'year', valueOrDash(d.year)],
        ['Đối tượng', 'subjectKind', label(SUBJECT_KIND_LABELS, d.subjectKind)],
        [individual ? 'Họ và tên' : d.subjectKind ? 'Tên tập thể' : 'Tên cá nhân hoặc tập thể', 'subjectName', valueOrDash(d.subjectName)],
        individual || d.birthDate ? ['Ngày sinh', 'birthDate', formatDate(d.birthDate)] : null,
        individual || d.position ? ['Chức vụ', 'position', valueOrDash(d.position)] : null,
        individual || d.workUnit ? ['Đơn vị công tác', 'workUnit', valueOrDash(d.workUnit)] : null,
        ['Người lập', 'createdBy', valueOrDash(d.createdByName || d.createdBy)],
        ['Ngày lập', 'createdAt', formatDateTime(d.createdAt)],
        ['Ngày nộp', 'submittedAt', d.submittedAt ? formatDateTime(d.submittedAt) : 'Chưa nộp'],
        procedureDeadlineRow(d.procedureDeadline)
      ]);
      setText($('#dossier-achievements'), d.achievements || 'Chưa nhập tóm tắt thành tích.');

      var docs = Array.isArray(d.documents) ? d.documents : [];
      var docRows = $('#document-rows');
      docRows.textContent = '';
      docs.forEach(function (doc) {
        var url = safeUrl(doc.url);
        docRows.appendChild(h('tr', { 'data-document-id': doc.id, 'data-type': doc.type },
          h('td', { 'data-label': 'Loại tài liệu' }, doc.typeLabel || label(DOCUMENT_TYPE_LABELS, doc.type)),
          h('td', { 'data-label': 'Tệp' }, url
            ? h('a', { href: url, target: '_blank', rel: 'noopener', class: 'document-link' }, doc.fileName || 'Tệp',
              h('span', { class: 'visually-hidden' }, ' (mở trong thẻ mới)'))
            : valueOrDash(doc.fileName)),
          h('td', { 'data-label': 'Dung lượng', class: 'num' }, formatSize(doc.sizeBytes)),
          h('td', { 'data-label': 'SHA-256' }, hashElement(doc.sha256)),
          h('td', { 'data-label': 'Chữ ký số' }, signatureBadge(doc.signature, doc.signatureLabel,
            doc.signatureSigner, doc.signatureProblem)),
          h('td', { 'data-label': 'Người tải lên' }, valueOrDash(doc.uploadedByName || doc.uploadedBy)),
          h('td', { 'data-label': 'Thời điểm', class: 'nowrap' }, formatDateTime(doc.uploadedAt))));
      });
      $('#documents-empty').hidden = docs.length > 0;
      $('#documents').hidden = docs.length === 0;

      var decisionSection = $('#decision-section');
      if (d.decision) {
        var decisionUrl = safeUrl(d.decision.url);
        decisionSection.hidden = false;
        detailRows($('#decision'), [
          ['Số quyết định', 'number', valueOrDash(d.decision.number)],
          ['Ngày ký', 'signedAt', formatDateTime(d.decision.signedAt)],
          ['Người ký', 'signedBy', valueOrDash(d.decision.signedByName || d.decision.signedBy)],
          d.decision.rewardAmount !== null && d.decision.rewardAmount !== undefined
            ? ['Tiền thưởng', 'rewardAmount', formatMoney(d.decision.rewardAmount)] : null,
          ['SHA-256 của tệp PDF', 'pdfSha256', hashElement(d.decision.pdfSha256)],
          ['Chữ ký số', 'signatureValid', signatureBadge(d.decision.signatureStatus, d.decision.signatureLabel,
            d.decision.signatureSigner, null)],
          decisionUrl ? ['Văn bản', 'url', h('a', { id: 'decision-link', href: decisionUrl, target: '_blank', rel: 'noopener' },
            'Mở quyết định (PDF)', h('span', { class: 'visually-hidden' }, ' (mở trong thẻ mới)'))] : null,
          safeUrl(d.decision.certificateUrl) ? ['Bằng khen', 'certificateUrl', h('a', { id: 'certificate-link',
            href: safeUrl(d.decision.certificateUrl), target: '_blank', rel: 'noopener' },
            'Mở bằng khen (PDF)', h('span', { class: 'visually-hidden' }, ' (mở trong thẻ mới)'))] : null
        ]);
      } else {
        decisionSection.hidden = true;
      }

      $('#supplement-section').hidden = d.status !== 'AWAITING_SUPPLEMENT';
      $('#supplement-upload-link').setAttribute('href', dossierUrl('supplement.html', d.code));
      $('#withdraw-section').hidden = ['AWARDED', 'NOT_AWARDED', 'RETURNED', 'WITHDRAWN'].indexOf(d.status) >= 0;
      article.hidden = false;
    }

    function loadNotifications() {
      var list = $('#notifications');
      var empty = $('#notifications-empty');
      return api('/api/notifications').then(function (all) {
        var mine = (Array.isArray(all) ? all : []).filter(function (n) { return n && n.dossierCode === code; });
        list.textContent = '';
        mine.forEach(function (n) {
          list.appendChild(h('li', { 'data-notification-id': n.id, 'data-kind': n.kind },
            h('time', { datetime: n.createdAt }, formatDateTime(n.createdAt)),
            h('span', { class: 'pre-wrap' }, n.message || '')));
        });
        setText(empty, 'Chưa có thông báo.');
        empty.hidden = mine.length > 0;
      }, function (error) {
        list.textContent = '';
        setText(empty, 'Không tải được thông báo: ' + problemOf(error).detail);
        empty.hidden = false;
      });
    }

    function load() {
      return api('/api/dossiers/' + encodeURIComponent(code)).then(function (d) {
        render(d || {});
        return loadNotifications();
      }, function (error) {
        article.hidden = true;
        var problem = problemOf(error);
        showMessage(message, 'error', [h('p', null, h('strong', null, 'Không tải được hồ sơ ' + code + '.')),
          h('p', null, problem.detail), h('p', null, h('a', { href: 'index.html' }, 'Về danh sách hồ sơ'))]);
      });
    }

    // withdrawal
    var withdrawForm = $('#withdraw-form');
    var withdrawErrors = $('#withdraw-errors');
    clearOnEdit(withdrawForm);
    withdrawForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = $('#withdraw-submit');
      if (button.disabled) return;
      clearFieldErrors(withdrawForm);
      hideSummary(withdrawErrors);
      var resolve = function (field) { return field === 'reason' ? $('#withdraw-reason') : null; };
      var reason = $('#withdraw-reason').value;
      if (!reason.trim()) {
        showProblem(withdrawErrors, toProblem(400, {
          detail: 'Chưa nêu lý do rút hồ sơ.',
          errors: [{ field: 'reason', message: 'Chưa nêu lý do rút hồ sơ.' }]
        }), resolve, 'Chưa rút được hồ sơ.');
        return;
      }
      if (!window.confirm('Rút hồ sơ ' + code + '? Hồ sơ đã rút không thể khôi phục.')) return;
      button.disabled = true;
      api('/api/dossiers/' + encodeURIComponent(code) + '/withdrawal', {
        method: 'POST', contentType: 'application/json', body: JSON.stringify({ reason: reason })
      }).then(function () {
        showMessage(message, 'info', 'Đã rút hồ sơ ' + code + '.');
        return load();
      }, function (error) {
        showProblem(withdrawErrors, problemOf(error), resolve, 'Chưa rút được hồ sơ.');
      }).then(function () { button.disabled = false; });
    });

    // supplement
    var supplementForm = $('#supplement-form');
    var supplementErrors = $('#supplement-errors');
    var supplementStatus = $('#supplement-status');
    var supplementButton = $('#supplement-submit');
    clearOnEdit(supplementForm);

    function resolveSupplementControl(field) {
      if (field === 'note') return $('#supplement-note');
      if (field === 'documents' || field.indexOf('documents.') === 0 || field === 'files') return $('#supplement-files');
      return null;
    }

    supplementForm.addEventListener('submit', function (event) {
      event.preventDefault();
      if (supplementButton.disabled) return;
      clearFieldErrors(supplementForm);
      hideSummary(supplementErrors);
      var note = $('#supplement-note').value;
      if (!note.trim()) {
        showProblem(supplementErrors, toProblem(400, {
          detail: 'Chưa nhập nội dung đã bổ sung.',
          errors: [{ field: 'note', message: 'Chưa nhập nội dung đã bổ sung.' }]
        }), resolveSupplementControl, 'Chưa gửi được bổ sung.');
        return;
      }
      var parts = [{ name: 'note', text: note }];
      Array.prototype.forEach.call($('#supplement-files').files || [], function (file) {
        parts.push({ name: 'files', file: file });
      });
      supplementButton.disabled = true;
      supplementForm.setAttribute('aria-busy', 'true');
      showMessage(supplementStatus, 'info', 'Đang gửi bổ sung…');
      sendMultipart('POST', '/api/dossiers/' + encodeURIComponent(code) + '/supplement', parts).then(function () {
        supplementForm.reset();
        clearMessage(supplementStatus);
        return load().then(function () {
          showMessage(message, 'ok', 'Đã gửi tài liệu bổ sung. Hồ sơ được chuyển lại để thẩm định.');
        });
      }, function (error) {
        clearMessage(supplementStatus);
        showProblem(supplementErrors, problemOf(error), resolveSupplementControl, 'Chưa gửi được bổ sung.');
      }).then(function () {
        supplementButton.disabled = false;
        supplementForm.setAttribute('aria-busy', 'false');
      });
    });

    showMessage(message, 'info', 'Đang tải hồ sơ…');
    load().then(function () {
      if (!article.hidden) clearMessage(message);
    });
  }

  // ---------------------------------------------------------------- supplement upload (from the Tasklist task)

  /**
   * The unit's upload page for a supplement request, opened from the supplement task's form in Tasklist: what Home
   * Affairs asked for, the files added since, an upload (the task stays open) and the way back to the task.
   */
  function initSupplement() {
    var code = queryParam('code');
    var message = $('#page-message');
    var article = $('#supplement-round');
    if (!code) {
      showMessage(message, 'error', [h('p', null, 'Thiếu mã hồ sơ trong địa chỉ trang.'),
        h('p', null, h('a', { href: 'index.html' }, 'Về danh sách hồ sơ'))]);
      return;
    }
    var url = '/api/dossiers/' + encodeURIComponent(code) + '/supplement-documents';
    document.title = 'Tải tài liệu bổ sung hồ sơ ' + code + ' — UBND tỉnh Sơn La';
    setText($('#supplement-page-title'), 'Tải tài liệu bổ sung hồ sơ ' + code);
    $('#dossier-link').setAttribute('href', dossierUrl('view.html', code));

    function render(round) {
      var dl = $('#request-details');
      dl.textContent = '';
      [['Mã hồ sơ', code], ['Nội dung cần bổ sung', round.missingItems || '—'],
        ['Ngày đề nghị bổ sung', formatDateTime(round.requestedAt)], ['Hạn bổ sung', formatDateTime(round.due)]]
        .forEach(function (row) {
          dl.appendChild(h('dt', null, row[0]));
          dl.appendChild(h('dd', { class: 'pre-wrap' }, row[1]));
        });
      var back = safeUrl(round.tasklistUrl);
      if (back) $('#back-to-task').setAttribute('href', back);
      var list = $('#added-documents');
      list.textContent = '';
      (round.added || []).forEach(function (doc) {
        var link = safeUrl(doc.url);
        list.appendChild(h('li', { 'data-document-id': doc.id },
          link ? h('a', { href: link, target: '_blank', rel: 'noopener' }, doc.fileName) : doc.fileName,
          ' (' + formatSize(doc.sizeBytes) + ', ' + (doc.uploadedByName || '—') + ', ' +
          formatDateTime(doc.uploadedAt) + ')'));
      });
      $('#added-empty').hidden = !!(round.added && round.added.length);
      article.hidden = false;
    }

    function load() {
      return api(url).then(render, function (error) {
        article.hidden = true;
        var problem = problemOf(error);
        showMessage(message, 'error', [h('p', null, problem.detail),
          h('p', null, h('a', { href: dossierUrl('view.html', code) }, 'Xem trang hồ sơ'))]);
        return false;
      });
    }

    var form = $('#upload-form');
    var errors = $('#upload-errors');
    var status = $('#upload-status');
    var button = $('#upload-submit');
    clearOnEdit(form);
    function resolve(field) {
      return field === 'files' || field === 'documents' || field.indexOf('documents.') === 0 ? $('#upload-files') : null;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (button.disabled) return;
      clearFieldErrors(form);
      hideSummary(errors);
      var parts = [];
      Array.prototype.forEach.call($('#upload-files').files || [], function (file) {
        parts.push({ name: 'files', file: file });
      });
      if (!parts.length) {
        showProblem(errors, toProblem(400, { detail: 'Chưa chọn tệp tài liệu bổ sung.',
          errors: [{ field: 'files', message: 'Chưa chọn tệp tài liệu bổ sung.' }] }), resolve, 'Chưa tải lên được.');
        return;
      }
      button.disabled = true;
      form.setAttribute('aria-busy', 'true');
      showMessage(status, 'info', 'Đang tải lên…');
      sendMultipart('POST', url, parts).then(function (round) {
        form.reset();
        render(round);
        showMessage(status, 'ok', 'Đã tải lên ' + parts.length + ' tệp. Quay lại nhiệm vụ trong Tasklist để hoàn thành.');
      }, function (error) {
        clearMessage(status);
        showProblem(errors, problemOf(error), resolve, 'Chưa tải lên được.');
      }).then(function () {
        button.disabled = false;
        form.setAttribute('aria-busy', 'false');
      });
    });

    showMessage(message, 'info', 'Đang tải yêu cầu bổ sung…');
    load().then(function (ok) {
      if (ok !== false) clearMessage(message);
    });
  }

  // ---------------------------------------------------------------- start

  var pages = { list: initList, new: initNew, view: initView, supplement: initSupplement };

  function start() {
    var init = pages[document.body.getAttribute('data-page')];
    if (init) init();
  }

  // shared helpers, for the browser console and tests
  window.Tdkt = {
    api: api,
    ApiError: ApiError,
    multipart: multipart,
    formatDateTime: formatDateTime,
    formatDate: formatDate,
    formatSize: formatSize,
    h: h,
    STATUS_LABELS: STATUS_LABELS,
    AWARD_KIND_LABELS: AWARD_KIND_LABELS,
    DOCUMENT_TYPE_LABELS: DOCUMENT_TYPE_LABELS
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

// the history link of view.html keeps the page's query (?code=…)
(function () {
  const history = document.getElementById('history-link');
  if (history) {
    history.search = location.search;
  }
})();
