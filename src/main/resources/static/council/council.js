/*
 * The council page (/council/): the sessions of a year; per session the agenda with each dossier's summary and a
 * link to its page and documents, the members with full names and titles and who has taken part, the deadline,
 * the tally once closed and the minutes; for Home Affairs (the council's secretary) the early close, absent
 * members' written opinions and, for a meeting, the vote-counting committee's totals.
 * Data from the server is put into the page with textContent only.
 */
(function () {
  'use strict';

  var el = TdktDom.el, clear = TdktDom.clear;
  var $ = function (selector) { return document.querySelector(selector); };
  var API = '/api/council-sessions';
  var STATUS = {
    VOTING: 'Đang biểu quyết', NO_QUORUM: 'Không đủ số thành viên, chờ triệu tập lại', TALLYING: 'Đang kiểm phiếu',
    RESOLVED: 'Đã có nghị quyết', NO_AGENDA: 'Không có hồ sơ chờ xét'
  };
  var MODE = { ONLINE: 'Bỏ phiếu trực tuyến', MEETING: 'Họp trực tiếp' };
  var OUTCOME = { PASSED: 'Thông qua', NOT_PASSED: 'Không thông qua', SKIPPED: 'Không biểu quyết (hồ sơ không còn chờ xét)' };
  var COUNTING = { VOTE: 'tính như phiếu biểu quyết', QUORUM_ONLY: 'chỉ tính số thành viên tham gia', NOT_COUNTED: 'không tính' };
  var secretary = false;
  var current = null;

  function message(id, text, kind) {
    var box = $(id);
    box.textContent = text || '';
    box.className = 'message' + (kind ? ' message-' + kind : '');
  }

  function dateTime(iso) {
    if (!iso) return '—';
    var d = new Date(iso);
    var p = function (n) { return (n < 10 ? '0' : '') + n; };
    return p(d.getHours()) + ':' + p(d.getMinutes()) + ' ngày ' + p(d.getDate()) + '/' + p(d.getMonth() + 1) + '/' + d.getFullYear();
  }

  function json(url, init) {
    init = init || {};
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.credentials = 'same-origin';
    return fetch(url, init).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw new Error(body.detail || 'Không thực hiện được (mã ' + response.status + ').');
        }
        return body;
      });
    });
  }

  function cell(label, content) {
    var td = el('td', { 'data-label': label });
    if (content instanceof Node) td.appendChild(content); else td.textContent = content == null ? '' : String(content);
    return td;
  }

  function loadYear(year) {
    message('#page-message', 'Đang tải…');
    json(API + '?year=' + encodeURIComponent(year)).then(function (list) {
      message('#page-message', '');
      var body = $('#session-rows');
      clear(body);
      list.forEach(function (s) {
        var link = el('a', { href: '?key=' + encodeURIComponent(s.key) }, 'Phiên ' + s.key + ' (đợt ' + s.round + ')');
        link.addEventListener('click', function (e) { e.preventDefault(); history.replaceState(null, '', '?key=' + s.key); loadSession(s.key); });
        var minutes = s.minutesUrl ? el('a', { href: s.minutesUrl, target: '_blank', rel: 'noopener' }, 'Biên bản (PDF)') : '—';
        var tr = el('tr', { 'data-key': s.key });
        [cell('Phiên họp', link), cell('Hình thức', MODE[s.mode] || s.mode), cell('Tình trạng', STATUS[s.status] || s.status),
          cell('Số hồ sơ', s.agendaSize), cell('Hạn biểu quyết', s.ballotDueText || '—'), cell('Biên bản', minutes)]
          .forEach(function (td) { tr.appendChild(td); });
        body.appendChild(tr);
      });
      $('#sessions-table').hidden = list.length === 0;
      $('#sessions-empty').hidden = list.length > 0;
    }).catch(function (e) { message('#page-message', e.message, 'error'); });
  }

  function loadSession(key) {
    json(API + '/' + encodeURIComponent(key)).then(render).catch(function (e) { message('#page-message', e.message, 'error'); });
  }

  function render(s) {
    current = s;
    $('#session').hidden = false;
    $('#session-title').textContent = 'Phiên họp ' + s.key + ' — đợt ' + s.round + ' năm ' + s.year;
    var dl = $('#session-details');
    clear(dl);
    var rows = [
      ['Hình thức', MODE[s.mode] || s.mode],
      ['Tình trạng', STATUS[s.status] || s.status],
      ['Hạn biểu quyết', s.ballotDueText || '—'],
      ['Ngày mở', dateTime(s.openedAt)],
      ['Ghi chú', s.note || '—']
    ];
    if (s.closedEarlyBy) rows.push(['Kết thúc bỏ phiếu sớm', s.closedEarlyBy + ', ' + dateTime(s.closedEarlyAt)]);
    if (s.resolvedAt) rows.push(['Kiểm phiếu xong', dateTime(s.resolvedAt)]);
    rows.forEach(function (r) { dl.appendChild(el('dt', null, r[0])); dl.appendChild(el('dd', null, r[1])); });
    if (s.minutesUrl) {
      dl.appendChild(el('dt', null, 'Biên bản'));
      var dd = el('dd');
      dd.appendChild(el('a', { id: 'minutes-link', href: s.minutesUrl, target: '_blank', rel: 'noopener' }, 'Biên bản phiên họp (PDF)'));
      dl.appendChild(dd);
    }

    var tallies = {};
    (s.tallies || []).forEach(function (t) { tallies[t.code] = t; });
    var agenda = $('#agenda-rows');
    clear(agenda);
    s.agenda.forEach(function (i) {
      var link = el('a', { href: '/dossiers/view.html?code=' + encodeURIComponent(i.dossierCode) }, i.dossierCode);
      var t = tallies[i.dossierCode];
      var result = i.outcome ? (OUTCOME[i.outcome] || i.outcome) : 'Chưa kiểm phiếu';
      if (t) {
        result += ' — tán thành ' + t.votesFor + ', không tán thành ' + t.votesAgainst + ', vắng mặt ' + t.votesAbsent
          + '; cần ' + t.votesRequired;
      }
      var tr = el('tr', { 'data-code': i.dossierCode });
      [cell('TT', i.position), cell('Hồ sơ', link), cell('Đối tượng, đơn vị', i.subjectName + ' — ' + i.unitName),
        cell('Hình thức khen thưởng', i.awardTypeName), cell('Ý kiến thẩm định', i.appraisalSummary || '—'),
        cell('Kết quả', result)].forEach(function (td) { tr.appendChild(td); });
      agenda.appendChild(tr);
    });

    var members = $('#member-rows');
    clear(members);
    var taken = 0;
    (s.members || []).forEach(function (m) {
      var how = 'Chưa bỏ phiếu';
      if (m.voted) {
        taken++;
        how = m.kind === 'WRITTEN'
          ? 'Phiếu lấy ý kiến (' + (COUNTING[m.counting] || m.counting) + '), ghi lúc ' + dateTime(m.castAt)
          : 'Đã bỏ phiếu lúc ' + dateTime(m.castAt);
      }
      var tr = el('tr', { 'data-member': m.id });
      [cell('Họ và tên', m.name), cell('Chức vụ', m.title || '—'), cell('Tham gia biểu quyết', how)]
        .forEach(function (td) { tr.appendChild(td); });
      members.appendChild(tr);
    });
    $('#members-summary').textContent = s.mode === 'MEETING'
      ? 'Họp trực tiếp: số thành viên có mặt theo biên bản kiểm phiếu; bảng dưới ghi phiếu lấy ý kiến của thành viên vắng mặt.'
      : taken + ' trên ' + (s.members || []).length + ' thành viên đã tham gia biểu quyết. Phiếu kín: không hiển thị lựa chọn của từng người.';

    renderSecretary(s);
  }

  function renderSecretary(s) {
    var voting = s.status === 'VOTING';
    $('#secretary').hidden = !(secretary && voting);
    if (!secretary || !voting) return;
    $('#close-block').hidden = s.mode === 'MEETING';
    $('#written-form').hidden = false;
    $('#meeting-form').hidden = s.mode !== 'MEETING';
    var select = $('#written-member');
    clear(select);
    (s.members || []).filter(function (m) { return !m.voted; }).forEach(function (m) {
      select.appendChild(el('option', { value: m.id }, m.name + (m.title ? ' — ' + m.title : '')));
    });
    var approvals = $('#written-approvals');
    clear(approvals);
    var meeting = $('#meeting-rows');
    clear(meeting);
    s.agenda.forEach(function (i) {
      var id = 'approve-' + i.position;
      var row = el('div', { class: 'checkbox' });
      row.appendChild(el('input', { type: 'checkbox', id: id, value: i.dossierCode }));
      row.appendChild(el('label', { for: id }, i.position + '. ' + i.subjectName + ' — ' + i.awardTypeName + ' (' + i.dossierCode + ')'));
      approvals.appendChild(row);
      var tr = el('tr', { 'data-code': i.dossierCode });
      tr.appendChild(cell('Hồ sơ', i.position + '. ' + i.subjectName + ' (' + i.dossierCode + ')'));
      ['present', 'votesFor', 'votesAgainst'].forEach(function (f) {
        var label = { present: 'Số thành viên có mặt', votesFor: 'Tán thành', votesAgainst: 'Không tán thành' }[f];
        var td = el('td', { 'data-label': label });
        td.appendChild(el('input', { type: 'number', min: '0', step: '1', name: f, 'aria-label': label + ' — ' + i.dossierCode, required: '' }));
        tr.appendChild(td);
      });
      meeting.appendChild(tr);
    });
  }

  function act(promise, done) {
    message('#secretary-message', 'Đang ghi…');
    promise.then(function (s) { render(s); message('#secretary-message', done, 'success'); loadYear(current.year); })
      .catch(function (e) { message('#secretary-message', e.message, 'error'); });
  }

  function init() {
    var params = new URLSearchParams(location.search);
    var year = new Date().getFullYear();
    $('#session-year').value = year;
    $('#year-form').addEventListener('submit', function (e) { e.preventDefault(); loadYear($('#session-year').value); });
    $('#close-vote').addEventListener('click', function () {
      act(json(API + '/' + encodeURIComponent(current.key) + '/closure', { method: 'POST', body: '{}' }),
        'Đã kết thúc bỏ phiếu; hệ thống đang kiểm phiếu.');
    });
    $('#written-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var codes = Array.prototype.map.call(document.querySelectorAll('#written-approvals input:checked'), function (i) { return i.value; });
      act(json(API + '/' + encodeURIComponent(current.key) + '/written-opinions', { method: 'POST',
        body: JSON.stringify({ member: $('#written-member').value, approvals: codes }) }), 'Đã ghi phiếu lấy ý kiến.');
    });
    $('#meeting-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var totals = Array.prototype.map.call(document.querySelectorAll('#meeting-rows tr'), function (tr) {
        var n = function (name) { var v = tr.querySelector('input[name=' + name + ']').value; return v === '' ? null : Number(v); };
        return { code: tr.getAttribute('data-code'), present: n('present'), votesFor: n('votesFor'), votesAgainst: n('votesAgainst') };
      });
      act(json(API + '/' + encodeURIComponent(current.key) + '/meeting-totals', { method: 'POST',
        body: JSON.stringify({ totals: totals }) }), 'Đã ghi kết quả kiểm phiếu; hệ thống đang kiểm phiếu.');
    });
    (window.tdktSession || Promise.resolve(null)).then(function (s) {
      secretary = !!(s && s.groups && s.groups.indexOf('home-affairs') >= 0);
      var key = params.get('key');
      var m = key && /^(\d{4})-R\d+$/.exec(key);
      if (m) $('#session-year').value = m[1];
      loadYear($('#session-year').value);
      if (key) loadSession(key);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
