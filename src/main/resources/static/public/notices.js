(function () {
  const list = document.getElementById('notices');
  const message = document.getElementById('notice-message');
  const section = document.getElementById('objection-section');
  const form = document.getElementById('objection-form');
  const status = document.getElementById('objection-status');

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function show(items, target, endLabel) {
    for (const n of items) {
      const li = el('li', null, 'notice');
      li.dataset.code = n.code;
      li.appendChild(el('h2', n.subjectName));
      li.appendChild(el('p', n.awardTypeName + ' — ' + n.awardKindLabel + ', năm ' + n.year));
      li.appendChild(el('p', 'Đơn vị đề nghị: ' + n.unitName));
      li.appendChild(el('p', n.achievements, 'achievements'));
      if (n.noticeEndsAtText) li.appendChild(el('p', endLabel + n.noticeEndsAtText, 'notice-end'));
      const button = el('button', 'Gửi ý kiến phản ánh');
      button.type = 'button';
      button.addEventListener('click', () => {
        section.hidden = false;
        document.getElementById('dossierCode').value = n.code;
        document.getElementById('objection-code').textContent = n.code + ' (' + n.subjectName + ')';
        document.getElementById('name').focus();
      });
      li.appendChild(button);
      target.appendChild(li);
    }
  }

  fetch('/api/public/notices').then(r => r.json()).then(items => {
    if (!items.length) {
      message.textContent = 'Hiện không có hồ sơ nào đang công khai.';
      return;
    }
    show(items, list, 'Hết hạn công khai: ');
  }).catch(() => { message.textContent = 'Không tải được danh sách công khai. Vui lòng thử lại sau.'; });

  const consultationMessage = document.getElementById('consultation-message');
  fetch('/api/public/consultations').then(r => r.json()).then(items => {
    if (!items.length) {
      consultationMessage.textContent = 'Hiện không có hồ sơ nào đang lấy ý kiến.';
      return;
    }
    show(items, document.getElementById('consultations'), 'Hết hạn lấy ý kiến: ');
  }).catch(() => {
    consultationMessage.textContent = 'Không tải được danh sách lấy ý kiến. Vui lòng thử lại sau.';
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const id of ['name', 'contact', 'content']) {
      document.getElementById('error-' + id).textContent = '';
      document.getElementById(id).removeAttribute('aria-invalid');
    }
    const body = Object.fromEntries(new FormData(form).entries());
    const button = document.getElementById('objection-submit');
    button.disabled = true;
    try {
      const response = await fetch('/api/objections', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body)});
      const json = await response.json().catch(() => ({}));
      if (response.ok) {
        status.textContent = json.message || 'Đã tiếp nhận ý kiến phản ánh.';
        if (json.reference) {
          const ref = el('p', null, 'objection-reference');
          ref.id = 'objection-reference';
          ref.append('Số phản ánh của bạn: ');
          ref.appendChild(el('strong', json.reference));
          status.appendChild(ref);
        }
        form.reset();
      } else {
        for (const e of (json.errors || [])) {
          const target = document.getElementById('error-' + e.field);
          if (target) {
            target.textContent = e.message;
            document.getElementById(e.field).setAttribute('aria-invalid', 'true');
          }
        }
        status.textContent = json.detail || 'Không gửi được phản ánh.';
      }
    } catch (e) {
      status.textContent = 'Không gửi được phản ánh. Vui lòng thử lại sau.';
    } finally {
      button.disabled = false;
    }
  });
})();
