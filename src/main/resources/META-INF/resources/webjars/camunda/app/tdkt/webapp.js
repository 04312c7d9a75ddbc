/*
 * Loaded by Tasklist, Cockpit, Admin and Welcome (config.js, customScripts): the province's one login and
 * Vietnamese task forms.
 * - The webapps' own login screen is not used: the session comes from the login page /login, so when a
 *   webapp would show its login screen (logged out, or the session ended) the person goes to /login.
 * - Links to the dossier's documents and pages in a task form open in a new tab, so the form stays open.
 * - form-js writes its validation messages in English: they are shown in Vietnamese.
 * - Cockpit offers no action to a person who may not take it (auditors): unless the person may open Admin (the
 *   camunda-admin group), <html> gets .tdkt-read-only before Cockpit starts (this module's top-level await holds
 *   the start), the action plugins are excluded and tdkt/branding.css hides every control that changes the engine.
 * - Tasklist offers "start a process" and "create a task" to administrators only (the allow-list refuses them to
 *   everyone else).
 * - Welcome offers only the project's sections the person may open (GET /api/workspace, the same list as the
 *   pages' menu): a link of config.js to any other section is removed; the public notice stays for everyone.
 * - Camunda's search widget and Tasklist's sorting choices translate their labels once, when they are drawn; on a
 *   first visit the Vietnamese locale may not be loaded yet, and raw keys (CREATION_DATE, SEARCH_PLACEHOLDER) stay
 *   on screen. They are replaced by their Vietnamese text from this app's locales/vi.json.
 */
const LOGIN = '/login';
const BASE = document.querySelector('base');
const APP = (BASE && BASE.getAttribute('app-name')) || '';
const APP_ROOT = (BASE && BASE.getAttribute('app-root')) || '/camunda';

/** Cockpit's plugins that change the engine (ids from the cockpit plugin bundle, Camunda 7.24). */
const ACTION_PLUGINS = [
  'cockpit.processInstance.runtime.action',
  'cockpit.processDefinition.runtime.action',
  'cockpit.jobDefinition.action',
  'cockpit.incident.action',
  'cockpit.repository.deployment.action:delete-deployment',
  'cockpit.navigation:batch'
];

async function mayAdminister() {
  try {
    const response = await fetch(`${APP_ROOT}/api/admin/auth/user/default`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    });
    if (!response.ok) {
      return false;
    }
    const user = await response.json();
    return Array.isArray(user.authorizedApps) && user.authorizedApps.indexOf('admin') >= 0;
  } catch (e) {
    return false;
  }
}

if (APP === 'cockpit') {
  // read-only until proven otherwise: nothing to click flashes before the answer
  document.documentElement.classList.add('tdkt-read-only');
  if (await mayAdminister()) {
    document.documentElement.classList.remove('tdkt-read-only');
  } else if (BASE) {
    const excluded = BASE.getAttribute('cam-exclude-plugins');
    BASE.setAttribute('cam-exclude-plugins', (excluded ? excluded + ',' : '') + ACTION_PLUGINS.join(','));
  }
}

/* Tasklist: starting a process or creating a free task is for the application's services and administrators (the
   engine route allow-list refuses it to everyone else), so nobody else is shown the buttons (tdkt/branding.css) */
if (APP === 'tasklist') {
  document.documentElement.classList.add('tdkt-no-start');
  mayAdminister().then((admin) => {
    if (admin) {
      document.documentElement.classList.remove('tdkt-no-start');
    }
  });
}

/* raw translation keys left by a widget drawn before the locale arrived */
const RAW_KEY = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(:?)$/;
let labels = null;
let labelsLoading = false;

function loadLabels() {
  if (labelsLoading) {
    return;
  }
  labelsLoading = true;
  const lang = document.documentElement.getAttribute('lang') === 'en' ? 'en' : 'vi';
  fetch(`${APP_ROOT}/app/${APP}/locales/${lang}.json`, { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : null))
    .then((json) => {
      labels = (json && json.labels) || {};
      fixRawKeys(document);
    })
    .catch(() => {
      labels = {};
    });
}

function healed(text) {
  const m = RAW_KEY.exec((text || '').trim());
  if (!m) {
    return null;
  }
  if (labels === null) {
    loadLabels();
    return null;
  }
  return labels[m[1]] ? labels[m[1]] + m[2] : null;
}

function fixRawKeys(root) {
  // the search widget and the task list's sorting choices ("Sắp xếp theo CREATION_DATE")
  root.querySelectorAll('[cam-widget-search], .cam-widget-search, [cam-sorting-choices]').forEach((widget) => {
    widget.querySelectorAll('[placeholder], [title], [uib-tooltip]').forEach((el) => {
      ['placeholder', 'title', 'uib-tooltip'].forEach((name) => {
        const vi = el.hasAttribute(name) ? healed(el.getAttribute(name)) : null;
        if (vi) {
          el.setAttribute(name, vi);
        }
      });
    });
    const walker = document.createTreeWalker(widget, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const vi = healed(node.nodeValue);
      if (vi) {
        node.nodeValue = node.nodeValue.replace(node.nodeValue.trim(), vi);
      }
    }
  });
}

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

/* Welcome: the config's links to sections this person may not open are removed */
let openSections = null;
if (APP === 'welcome') {
  try {
    const response = await fetch('/api/workspace', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok) {
      const view = await response.json();
      openSections = (view.sections || []).map((s) => firstSegment(s.href)).filter((segment) => segment);
    }
  } catch (e) {
    openSections = [];
  }
}

function firstSegment(href) {
  try {
    const path = new URL(href, window.location.href).pathname;
    return path.split('/').filter((part) => part)[0] || '';
  } catch (e) {
    return '';
  }
}

function fixWelcomeLinks(root) {
  if (openSections === null) {
    return;
  }
  root.querySelectorAll('a[href^="/"]').forEach((a) => {
    const segment = firstSegment(a.getAttribute('href'));
    if (segment && segment !== 'camunda' && segment !== 'public' && openSections.indexOf(segment) < 0) {
      // the whole entry: Welcome's custom link with its description
      const item = a.closest('.custom-link-wrapper') || a.closest('li') || a;
      item.remove();
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
    fixRawKeys(document);
    fixWelcomeLinks(document);
  });
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

document.documentElement.setAttribute('lang', (window.navigator.language || 'vi').split('-')[0] === 'en' ? 'en' : 'vi');

export default [];
