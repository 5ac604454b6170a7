/**
 * @module harness/reporting/html/filters
 * The filter bar (failures only, operation, strength, outcome, search) and the inline script behind
 * it. Without JavaScript the bar stays hidden (`no-js` on <html>) and every row is shown.
 */
import { OUTCOMES, OUTCOME_WORDS, PROBLEM_OUTCOMES, STRENGTHS, type RequirementResult } from '../../results/index.ts';
import { EVIDENCE_CHUNK, EVIDENCE_DIR } from './evidence.ts';
import { html, raw, type Html } from './html.ts';

export function renderFilters(requirements: readonly RequirementResult[]): Html {
  const operations = [...new Set(requirements.map((r) => r.operation))].sort((a, b) => a.localeCompare(b, 'en'));
  const present = OUTCOMES.filter((o) => requirements.some((r) => r.outcome === o));
  return html`<noscript><p class="noscript">Filters and the requests and responses need JavaScript; every requirement is shown below, and <code>results.json</code> has every request and response.</p></noscript>
<form class="filters" id="filters" role="search">
<label class="failed-only"><input type="checkbox" id="f-failed"> Problems only</label>
<label>Operation <select id="f-operation"><option value="">all</option>${operations.map((o) => html`<option value="${o}">${o}</option>`)}</select></label>
<label>Strength <select id="f-strength"><option value="">all</option>${STRENGTHS.map((s) => html`<option>${s}</option>`)}</select></label>
<label>Outcome <select id="f-outcome"><option value="">all</option>${present.map((o) => html`<option value="${o}">${OUTCOME_WORDS[o].title}</option>`)}</select></label>
<label class="search">Search <input type="search" id="f-search" placeholder="id or statement"></label>
<span id="f-shown" class="muted" aria-live="polite"></span>
</form>`;
}

/** Trusted code of the suite; it reads the page, never writes target text as markup. */
export const FILTER_SCRIPT = raw(`
(function () {
  var d = document;
  d.documentElement.className = d.documentElement.className.replace('no-js', 'js');
  var PROBLEMS = ${JSON.stringify(Object.fromEntries([...PROBLEM_OUTCOMES].map((o) => [o, 1])))};
  function $(id) { return d.getElementById(id); }
  // What search matches: id, statement and operation, read from the row once.
  d.querySelectorAll('article.req').forEach(function (r) {
    var t = function (sel) { var e = r.querySelector(sel); return e ? e.textContent : ''; };
    r.searchText = (t('.req-id') + ' ' + t('.statement') + ' ' + r.dataset.operation).toLowerCase();
  });
  function apply() {
    var failed = $('f-failed').checked, op = $('f-operation').value, st = $('f-strength').value;
    var oc = $('f-outcome').value, q = $('f-search').value.trim().toLowerCase();
    var shown = 0, total = 0;
    d.querySelectorAll('section.group').forEach(function (g) {
      var n = 0;
      g.querySelectorAll('article.req').forEach(function (r) {
        var ok = (!failed || PROBLEMS[r.dataset.outcome]) && (!op || r.dataset.operation === op) &&
          (!st || r.dataset.strength === st) && (!oc || r.dataset.outcome === oc) &&
          (!q || r.searchText.indexOf(q) >= 0);
        r.hidden = !ok; total++; if (ok) { n++; shown++; }
      });
      g.hidden = n === 0;
      var s = g.querySelector('.shown');
      if (s) s.textContent = n === g.querySelectorAll('article.req').length ? '' : n + ' shown';
    });
    $('f-shown').textContent = shown === total ? total + ' requirements' : shown + ' of ' + total + ' requirements shown';
  }
  ['f-failed', 'f-operation', 'f-strength', 'f-outcome', 'f-search'].forEach(function (id) {
    $(id).addEventListener('input', apply);
    $(id).addEventListener('change', apply);
  });
  // A link to a row (from Problems) opens it even when a filter hid it.
  window.addEventListener('hashchange', function () {
    var el = d.getElementById(location.hash.slice(1));
    if (el && el.hidden) { $('filters').reset(); apply(); el.scrollIntoView(); }
  });
  $('filters').addEventListener('submit', function (e) { e.preventDefault(); });
  d.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button.copy');
    if (!b || !navigator.clipboard) return;
    navigator.clipboard.writeText(b.dataset.copy).then(function () { b.textContent = 'Copied'; }, function () {});
  });
  apply();

  // Evidence: the exchanges are in evidence/<k>.js beside the page, ${EVIDENCE_CHUNK} requirements a file
  // (evidenceFiles); a file is loaded the first time a requirement's evidence in it is opened, and
  // drawn with text nodes only, never as markup.
  var CHUNK = ${EVIDENCE_CHUNK}, CHUNKS = {};
  window.kmsEvidence = function (k, data) { if (CHUNKS[k]) CHUNKS[k].got(data); };
  function evidence(k) {
    if (!CHUNKS[k]) {
      var c = CHUNKS[k] = {}, s = d.createElement('script'), name = '${EVIDENCE_DIR}/' + k + '.js';
      c.data = new Promise(function (resolve, reject) {
        c.got = resolve;
        s.onerror = function () { reject(new Error(name + ' was not found beside this page')); };
      }).then(function (b64) {
        var bin = atob(b64), bytes = new Uint8Array(bin.length);
        for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text().then(JSON.parse);
      });
      s.src = name;
      d.head.appendChild(s);
    }
    return CHUNKS[k].data;
  }
  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function pane(title, text) {
    var p = el('div', 'pane');
    p.appendChild(el('h5', null, title));
    p.appendChild(el('pre', 'http', text));
    return p;
  }
  function draw(box, list) {
    list.forEach(function (x, i) {
      var det = el('details', 'exchange'), sum = el('summary');
      sum.appendChild(el('span', 'ex-n', '#' + (i + 1)));
      sum.appendChild(d.createTextNode(' '));
      sum.appendChild(el('b', null, x.o));
      sum.appendChild(d.createTextNode(' '));
      var bad = x.s === undefined || x.s >= 400;
      sum.appendChild(el('span', 'ex-status ' + (bad ? 'bad' : 'ok'), x.s === undefined ? 'no response' : String(x.s)));
      if (x.et !== undefined) { sum.appendChild(d.createTextNode(' ')); sum.appendChild(el('span', 'err-type', x.et)); }
      if (x.em !== undefined) { sum.appendChild(d.createTextNode(' ')); sum.appendChild(el('span', 'err-msg', x.em)); }
      sum.appendChild(el('span', 'ex-meta', x.p + ' · ' + x.v + ' · ' + (x.ms < 1000 ? Math.round(x.ms) + ' ms' : (x.ms / 1000).toFixed(1) + ' s')));
      det.appendChild(sum);
      var panes = el('div', 'panes');
      panes.appendChild(pane('Request', x.q + '\\n\\n' + x.qb));
      panes.appendChild(pane('Response', x.s === undefined ? x.e : x.s + '\\n' + x.r + '\\n\\n' + x.rb));
      det.appendChild(panes);
      box.appendChild(det);
    });
  }
  d.addEventListener('toggle', function (e) {
    var t = e.target;
    if (!t.matches || !t.matches('details.evidence') || !t.open) return;
    var box = t.querySelector('.exchanges[data-evidence]');
    if (!box || box.dataset.drawn) return;
    box.dataset.drawn = '1';
    var n = +box.dataset.evidence;
    evidence(Math.floor(n / CHUNK)).then(function (part) { draw(box, part[n % CHUNK] || []); }, function (err) {
      box.appendChild(el('p', 'muted', 'The evidence could not be read (' + err.message + '); results.json has it.'));
    });
  }, true);
})();
`);
