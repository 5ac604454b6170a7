/**
 * @module harness/reporting/compare/styles
 * The comparison pages' own CSS and script, inlined so the page opens from disk with no network.
 * The script only filters rows; without it every row is shown and the page still reads.
 */

export const COMPARE_CSS = `
:root { --pass:#1a7f37; --fail:#cf222e; --warn:#9a6700; --muted:#57606a; --line:#d0d7de; --bg:#f6f8fa; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; padding: 1rem 1.5rem; color: #1f2328; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.warning { background: #fff8c5; border: 1px solid #d4a72c; padding: .4rem .6rem; border-radius: 4px; margin: .3rem 0; }
.controls { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; position: sticky; top: 0; background: #fff; padding: .5rem 0; z-index: 3; border-bottom: 1px solid var(--line); }
.controls input[type=search] { min-width: 18rem; padding: .3rem .5rem; }
.scroll { overflow: auto; max-height: calc(100vh - 3.5rem); }
.scroll thead th { position: sticky; top: 0; z-index: 2; }
td.cell { min-width: 14rem; } th.req { min-width: 22rem; }
.reasons ol { padding-left: 2.2rem; } .reasons li { margin: .2rem 0; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: var(--bg); font-weight: normal; min-width: 14rem; }
thead th .col-name { font-weight: 600; font-size: 1.05em; }
dl.facts { margin: .2rem 0 0; display: grid; grid-template-columns: auto 1fr; gap: 0 .5rem; font-size: .85em; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; word-break: break-all; }
tr.group-head th { background: #eaeef2; font-weight: 600; }
th.req { min-width: 22rem; max-width: 34rem; font-weight: normal; background: #fff; }
th.req .id { font-weight: 600; font-family: ui-monospace, monospace; }
.tag { display: inline-block; font-size: .75em; border: 1px solid var(--line); border-radius: 3px; padding: 0 .3rem; margin-left: .3rem; color: var(--muted); }
.tag.must { border-color: var(--fail); color: var(--fail); }
.tag.observe { border-color: #8250df; color: #8250df; }
.outcome { display: inline-block; font-weight: 600; padding: 0 .35rem; border-radius: 3px; white-space: nowrap; }
.o-pass .outcome, .o-observed .outcome { color: var(--pass); }
.o-fail .outcome, .o-not-implemented .outcome, .o-blocked .outcome, .o-stale-deviation .outcome { color: #fff; background: var(--fail); }
.o-expected-deviation .outcome { color: var(--warn); border: 1px solid var(--warn); }
.o-not-applicable .outcome, .o-absent .outcome { color: var(--muted); }
td.o-fail, td.o-not-implemented, td.o-blocked, td.o-stale-deviation { background: #ffebe9; }
td.o-absent { background: repeating-linear-gradient(45deg, #fff, #fff 6px, var(--bg) 6px, var(--bg) 12px); }
tr.differs th.req { border-left: 4px solid #8250df; }
.msg { margin: .25rem 0 0; font-size: .9em; word-break: break-word; }
details summary { cursor: pointer; color: var(--muted); font-size: .9em; }
pre { margin: .2rem 0; padding: .3rem .4rem; background: var(--bg); border-radius: 3px; font-size: .82em; white-space: pre-wrap; word-break: break-word; max-height: 20rem; overflow: auto; }
dl.obs { margin: .3rem 0 0; }
dl.obs dt { font-size: .82em; color: var(--muted); }
dl.obs dd { margin: 0; }
.counts { font-size: .85em; }
.legend { color: var(--muted); font-size: .9em; margin-top: 1rem; }
table.changes td:first-child { white-space: nowrap; }
`;

/** Filters: search box, "only rows where runs differ", "only failures". */
export const COMPARE_SCRIPT = `
(function () {
  var controls = document.querySelector('[data-controls]');
  if (!controls) return;
  controls.hidden = false;
  var q = document.getElementById('q');
  var which = document.getElementById('rows');
  var shown = document.getElementById('shown');
  var rows = document.querySelectorAll('tr.row');
  function apply() {
    var term = q.value.trim().toLowerCase();
    var n = 0;
    document.querySelectorAll('tbody.group').forEach(function (g) {
      var any = false;
      g.querySelectorAll('tr.row').forEach(function (r) {
        var w = which.value, dev = r.getAttribute('data-dev');
        var ok = (!w ||
            (w === 'disagree' && r.getAttribute('data-disagree') === '1') ||
            (w === 'differ' && r.getAttribute('data-differs') === '1') ||
            (w === 'fail' && r.getAttribute('data-failing') === '1') ||
            (w.indexOf('dev-') === 0 && dev.indexOf(' ' + w.slice(4) + ' ') !== -1) ||
            (w.indexOf('alone-') === 0 && dev === ' ' + w.slice(6) + ' ')) &&
          (!term || r.textContent.toLowerCase().indexOf(term) !== -1);
        r.hidden = !ok;
        if (ok) { any = true; n++; }
      });
      g.hidden = !any;
    });
    shown.textContent = n + ' of ' + rows.length + ' requirements shown';
  }
  [q, which].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
  apply();
})();
`;
