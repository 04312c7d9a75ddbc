/*
 * Loaded by Tasklist, Cockpit, Admin and Welcome (config.js, customScripts): the province's one login and
 * Vietnamese task forms.
 * - The webapps' own login screen is not used: the session comes from the login page /login, so when a
 *   webapp would show its login screen (logged out, or the session ended) the person goes to /login.
 * - Links to the dossier's documents and pages in a task form open in a new tab, so the form stays open.
 * - form-js writes its validation messages in English: they are shown in Vietnamese.
 */
const LOGIN = '/login';

function toLoginPage() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace(LOGIN);
  }
}
toLoginPage();
window.addEventListener('hashchange', toLoginPage);

const MESSAGES = [
  [/^Field is required\.?$/, () => 'Trường này bắt buộc.'],
  [/^Field must have minimum length of (\d+)\.?$/, (m) => `Cần nhập ít nhất ${m[1]} ký tự.`],
  [/^Field must have maximum length of (\d+)\.?$/, (m) => `Chỉ được nhập tối đa ${m[1]} ký tự.`],
  [/^Field must have minimum value of (.+?)\.?$/, (m) => `Giá trị tối thiểu là ${m[1]}.`],
  [/^Field must have maximum value of (.+?)\.?$/, (m) => `Giá trị tối đa là ${m[1]}.`],
  [/^Field must match pattern (.+?)\.?$/, (m) => `Giá trị không đúng mẫu ${m[1]}.`],
  [/^Field must be a valid email\.?$/, () => 'Địa chỉ thư điện tử không hợp lệ.'],
  [/^Field must be a valid\s+international phone number\.?.*$/, () => 'Số điện thoại không hợp lệ (định dạng quốc tế, ví dụ +84…).'],
  [/^Select$/, () => 'Chọn'],
  [/^Search$/, () => 'Tìm'],
  [/^No results$/, () => 'Không có kết quả']
];

function translate(text) {
  const trimmed = text.trim();
  for (const [pattern, message] of MESSAGES) {
    const m = pattern.exec(trimmed);
    if (m) {
      return message(m);
    }
  }
  return null;
}

function fixForm(root) {
  root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error li, .fjs-select-display, .fjs-dropdownlist-empty')
    .forEach((el) => {
      if (el.children.length > 0) {
        return;
      }
      const vi = translate(el.textContent || '');
      if (vi && el.textContent !== vi) {
        el.textContent = vi;
      }
    });
  root.querySelectorAll('.fjs-container a[href]').forEach((a) => {
    const url = new URL(a.getAttribute('href'), window.location.href);
    if (url.origin === window.location.origin && a.target !== '_blank') {
      a.target = '_blank';
      a.rel = 'noopener';
      if (!a.querySelector('.tdkt-new-tab')) {
        const note = document.createElement('span');
        note.className = 'tdkt-new-tab sr-only';
        note.textContent = ' (mở trong thẻ mới)';
        a.appendChild(note);
      }
    }
  });
}

let scheduled = false;
new MutationObserver(() => {
  if (scheduled) {
    return;
  }
  scheduled = true;
  window.requestAnimationFrame(() => {
    scheduled = false;
    fixForm(document);
  });
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

document.documentElement.setAttribute('lang', (window.navigator.language || 'vi').split('-')[0] === 'en' ? 'en' : 'vi');

export default [];
