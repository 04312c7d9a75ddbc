// Renders every `text` component of a form-js form as Camunda Tasklist 7.24 does (feelers templating, then marked
// with gfm and breaks), using the form-js bundle of Camunda's webjar (lib/deps.js). Every variable the templates
// name holds the hostile text given, every loop one item of such values; link targets (names ending in "url")
// hold a system address. Prints a JSON list of {id, html}. Used by vn.gov.sonla.tdkt.forms.FormTextInertTest.
// Usage: node render-text.js <deps.js> <form file> <hostile text>
const fs = require('fs');
const [depsPath, formPath, hostile] = process.argv.slice(2);
global.self = global;
global.window = global;
global.navigator = { userAgent: 'node', platform: 'linux' };
eval(fs.readFileSync(depsPath, 'utf8'));
const chunk = self.webpackChunkcamunda_bpm_webapp.find((c) => Object.values(c[1]).some(isFeelers));
const modules = chunk[1];
function isFeelers(m) {
  const s = m.toString();
  return s.includes('buildSimpleTree') && s.includes('FeelersEditor');
}
function isMarked(m) {
  const s = m.toString();
  return s.includes('marked') && s.includes('Lexer') && s.includes('Tokenizer') && s.includes('walkTokens');
}
const cache = {};
function req(id) {
  if (cache[id]) return cache[id].exports;
  const m = { exports: {} };
  cache[id] = m;
  modules[id].call(m.exports, m, m.exports, req);
  return m.exports;
}
req.d = (e, d) => { for (const k in d) if (!Object.prototype.hasOwnProperty.call(e, k)) Object.defineProperty(e, k, { enumerable: true, get: d[k] }); };
req.r = (e) => Object.defineProperty(e, '__esModule', { value: true });
req.n = (m) => { const g = m && m.__esModule ? () => m.default : () => m; req.d(g, { a: g }); return g; };
req.o = (o, p) => Object.prototype.hasOwnProperty.call(o, p);
req.g = global;
req.nmd = (m) => { m.paths = []; m.children = m.children || []; return m; };
req.hmd = req.nmd;
const feelers = req(Object.keys(modules).find((id) => isFeelers(modules[id])));
const markedId = Object.keys(modules).find((id) => isMarked(modules[id]) && req(id).marked && req(id).marked.parse);
const marked = req(markedId).marked;

const KEYWORDS = new Set(['null', 'or', 'and', 'not', 'true', 'false', 'if', 'then', 'else', 'for', 'in', 'return',
  'some', 'every', 'satisfies', 'between', 'instance', 'of', 'loop', 'this', 'parent', 'count', 'replace', 'string',
  'contains', 'upper', 'lower', 'case', 'substring', 'length', 'is', 'date', 'time', 'number']);

function valueFor(name) {
  return /url$/i.test(name) ? 'http://tdkt.example/ok' : hostile;
}
function put(target, path, leaf) {
  let o = target;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof o[path[i]] !== 'object' || o[path[i]] === null) o[path[i]] = {};
    o = Array.isArray(o[path[i]]) ? o[path[i]][0] : o[path[i]];
  }
  const last = path[path.length - 1];
  if (leaf === 'list') {
    if (!Array.isArray(o[last])) o[last] = [typeof o[last] === 'object' && o[last] ? o[last] : {}];
  } else if (o[last] === undefined || typeof o[last] === 'string') {
    o[last] = valueFor(last);
  }
}
function contextFor(text) {
  const ctx = {};
  const item = {};
  const exprs = [...text.matchAll(/\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]);
  for (const e of exprs) {
    const loop = /^#loop\s+([\w.]+)/.exec(e.trim());
    if (loop) {
      const path = loop[1].split('.');
      if (path[0] === 'this') put(item, path.slice(1), 'list'); else put(ctx, path, 'list');
    }
  }
  for (const e of exprs) {
    const stripped = e.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/^[#/]\w+/, '');
    for (const m of stripped.matchAll(/[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*/g)) {
      const path = m[0].split('.');
      if (KEYWORDS.has(path[0]) && path[0] !== 'this') continue;
      if (path[0] === 'this') { if (path.length > 1) put(item, path.slice(1), 'leaf'); } else put(ctx, path, 'leaf');
    }
  }
  // every loop's items carry the item values
  (function fill(o) {
    for (const k of Object.keys(o)) {
      if (Array.isArray(o[k])) { o[k] = [Object.assign({}, item, o[k][0])]; }
      else if (typeof o[k] === 'object' && o[k]) fill(o[k]);
    }
  })(ctx);
  return ctx;
}
const form = JSON.parse(fs.readFileSync(formPath, 'utf8'));
const out = [];
(function walk(components) {
  for (const c of components || []) {
    if (c.type === 'text' && c.text) {
      const md = feelers.evaluate(c.text, contextFor(c.text), { debug: true });
      out.push({ id: c.id, html: marked.parse(md, { gfm: true, breaks: true }) });
    }
    walk(c.components);
  }
})(form.components);
process.stdout.write(JSON.stringify(out));
