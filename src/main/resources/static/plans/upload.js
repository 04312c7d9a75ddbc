(function () {
  const form = document.getElementById('plan-form');
  const status = document.getElementById('plan-status');
  const errors = document.getElementById('plan-errors');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.hidden = true;
    errors.textContent = '';
    const file = document.getElementById('plan-file').files[0];
    if (!file) {
      status.textContent = 'Chưa chọn tệp kế hoạch.';
      return;
    }
    const button = document.getElementById('plan-submit');
    button.disabled = true;
    status.textContent = 'Đang kiểm tra tệp…';
    try {
      const response = await fetch('/api/plans', {method: 'POST', headers: {'Content-Type': 'application/yaml'},
        body: await file.text(), credentials: 'same-origin'});
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        status.textContent = 'Đã mở kế hoạch năm ' + body.year + ' với ' + body.total + ' nhiệm vụ.';
        const link = document.createElement('a');
        link.href = '/plans/index.html?year=' + encodeURIComponent(body.year);
        link.textContent = ' Xem tiến độ.';
        status.appendChild(link);
      } else {
        status.textContent = body.detail || 'Không tải lên được kế hoạch.';
        for (const e of (body.errors || [])) {
          const li = document.createElement('li');
          li.textContent = (e.line ? 'Dòng ' + e.line + ', ' : '') + (e.field || '') + ': ' + e.message;
          errors.appendChild(li);
        }
        errors.hidden = errors.childElementCount === 0;
      }
    } catch (e) {
      status.textContent = 'Không tải lên được kế hoạch. Vui lòng thử lại.';
    } finally {
      button.disabled = false;
    }
  });
})();
