/* Nhật ký hồ sơ: GET /api/dossiers/{code}/history, with links to the CSV and PDF exports. */
(function () {
  'use strict';

  var entries = [];
  /* plain: the timeline of who did what (the default for people); full: the whole technical record */
  var view = new URLSearchParams(location.search).get('view') === 'full' ? 'full' : 'plain';

  function byId(id) { return document.getElementById(id); }

  function message(text, kind) {
    var box = byId('page-message');
    box.className = 'message message-' + (kind || 'info');
    box.textContent = text;
  }

  var PLAIN_COLUMNS = ['Thời điểm', 'Người thực hiện', 'Việc', 'Nội dung', 'Kết quả'];
  var FULL_COLUMNS = ['Thời điểm', 'Loại', 'Người thực hiện', 'Nội dung', 'Nguồn'];

  /* the timeline's rows are already in words (when, who, action, what, result); the full record's are entries */
  function cells(e) {
    if (view === 'plain') {
      return [e.when, e.who, e.action, e.what, e.result];
    }
    return [window.Tdkt.formatDateTime(e.at), e.kindLabel, e.actorName || e.actor || 'Hệ thống', e.summary,
      e.sourceLabel];
  }

  function render() {
    var hide = byId('hide-variables').checked;
    var rows = byId('history-rows');
    rows.textContent = '';
    var columns = view === 'plain' ? PLAIN_COLUMNS : FULL_COLUMNS;
    var head = byId('history-head');
    head.textContent = '';
    columns.forEach(function (name) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = name;
      head.appendChild(th);
    });
    var shown = view === 'plain' ? entries : entries.filter(function (e) {
      return !hide || (e.kind !== 'VARIABLE_SET' && e.kind !== 'VARIABLE_CHANGED');
    });
    shown.forEach(function (e) {
      var tr = document.createElement('tr');
      if (e.kind) {
        tr.dataset.kind = e.kind;
      }
      cells(e).forEach(function (text, i) {
        var td = document.createElement('td');
        td.setAttribute('data-label', columns[i]);
        td.textContent = text;
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    byId('history-count').textContent = 'Hiển thị ' + shown.length + ' / ' + entries.length + ' mục.';
  }

  function start() {
    var code = new URLSearchParams(location.search).get('code');
    if (!code) {
      message('Thiếu mã hồ sơ (?code=...).', 'error');
      return;
    }
    var base = '/api/dossiers/' + encodeURIComponent(code) + '/history';
    byId('history-title').textContent = 'Nhật ký hồ sơ ' + code;
    byId('back-link').href = 'view.html?code=' + encodeURIComponent(code);
    byId('csv-link').href = base + '.csv' + '?view=' + view;
    byId('pdf-link').href = base + '.pdf' + '?view=' + view;
    byId('hide-variables').addEventListener('change', render);
    byId('hide-variables-label').hidden = view === 'plain';
    var other = byId('view-switch');
    other.textContent = view === 'plain' ? 'Xem bản ghi kỹ thuật đầy đủ' : 'Xem dòng thời gian';
    other.href = 'history.html?code=' + encodeURIComponent(code) + (view === 'plain' ? '&view=full' : '');
    byId('history-hint').textContent = view === 'plain'
      ? 'Ai đã làm gì, khi nào, kết quả ra sao: nộp và bổ sung hồ sơ, thẩm định, kết quả biểu quyết của Hội đồng '
        + '(chỉ số phiếu, không ghi ai bỏ phiếu thế nào), công khai và phản ánh, tờ trình, quyết định, cấp số, '
        + 'thông báo và trạng thái của hồ sơ.'
      : 'Mọi bước xử lý theo thứ tự thời gian: bước quy trình, công việc (nhận, giao, ủy quyền, hoàn thành), dữ liệu '
        + 'nhập, ý kiến, tài liệu, hẹn giờ, sự cố, kết quả biểu quyết của Hội đồng (chỉ số phiếu, không ghi ai bỏ '
        + 'phiếu thế nào), phản ánh, quyết định và trạng thái. Mỗi dòng ghi nguồn dữ liệu.';
    byId('view-title').textContent = view === 'plain' ? 'Dòng thời gian: ai đã làm gì, khi nào, kết quả ra sao'
      : 'Bản ghi kỹ thuật đầy đủ (mọi bước, dữ liệu và thao tác của hệ thống quy trình)';
    message('Đang tải nhật ký…');
    window.Tdkt.api(base + '?view=' + view).then(function (list) {
      entries = list || [];
      message('');
      byId('history').hidden = false;
      render();
    }, function (error) {
      var status = error && error.status;
      message(status === 401 ? 'Cần đăng nhập để xem nhật ký hồ sơ.'
        : status === 404 ? 'Không tìm thấy hồ sơ ' + code + ' hoặc bạn không có quyền xem.'
        : 'Không tải được nhật ký hồ sơ.', 'error');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
