/**
 * @module harness/reporting/html/style
 * The report's stylesheet: light, modest, readable printed. Colour is never the only signal: every
 * badge also says its outcome in words.
 */
export const STYLE = `
:root { --fg:#1d2228; --muted:#6a737d; --line:#e1e4e8; --bg:#fff; --soft:#f6f8fa;
  --pass:#1a7f37; --pass-bg:#dafbe1; --fail:#c1121f; --fail-bg:#ffebe9; --ni:#9a6700; --ni-bg:#fff3c4;
  --na:#57606a; --na-bg:#eaeef2; --obs:#0550ae; --obs-bg:#ddf4ff; --exp:#6639ba; --exp-bg:#fbefff; --stale:#bc4c00; --stale-bg:#fff1e5; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--fg); background:var(--bg); }
main { max-width:1200px; margin:0 auto; padding:24px 28px 48px; }
h1 { font-size:22px; margin:0 0 16px; } h2 { font-size:17px; margin:28px 0 10px; } h4 { font-size:13px; margin:12px 0 6px; }
h5 { font-size:12px; margin:0 0 4px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
code, pre { font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; }
pre { margin:0; white-space:pre-wrap; word-break:break-word; }
a { color:#0969da; } .muted { color:var(--muted); font-weight:normal; }
.top-grid { display:grid; grid-template-columns: minmax(260px,1fr) 2fr; gap:20px; align-items:start; }
.verdict { border-radius:8px; padding:16px 18px; border:2px solid; }
.verdict-word { font-size:26px; font-weight:800; letter-spacing:.03em; }
.verdict-text { font-size:15px; margin-top:4px; } .verdict-exit { margin-top:8px; font-size:13px; color:var(--muted); }
.v-good { border-color:var(--pass); background:var(--pass-bg); } .v-good .verdict-word { color:var(--pass); }
.v-bad { border-color:var(--fail); background:var(--fail-bg); } .v-bad .verdict-word { color:var(--fail); }
.v-warn { border-color:var(--stale); background:var(--stale-bg); } .v-warn .verdict-word { color:var(--stale); }
.facts { display:grid; grid-template-columns:max-content 1fr; gap:2px 14px; margin:0; }
.facts dt { color:var(--muted); } .facts dd { margin:0; } .declared { margin:0; padding-left:18px; }
table.counts { border-collapse:collapse; margin-top:18px; font-size:13px; }
.counts th, .counts td { border:1px solid var(--line); padding:4px 10px; text-align:center; }
.counts tbody th { text-align:left; } .counts td.zero { color:#c0c6cc; } .counts tr.all { font-weight:600; background:var(--soft); }
.badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; white-space:nowrap; border:1px solid transparent; }
.o-pass { color:var(--pass); background:var(--pass-bg); } .o-fail { color:var(--fail); background:var(--fail-bg); }
.o-not-implemented, .o-blocked { color:var(--ni); background:var(--ni-bg); } .o-not-applicable { color:var(--na); background:var(--na-bg); }
.o-observed { color:var(--obs); background:var(--obs-bg); } .o-expected-deviation { color:var(--exp); background:var(--exp-bg); }
.o-stale-deviation { color:var(--stale); background:var(--stale-bg); }
.strength { display:inline-block; font-size:11px; font-weight:700; text-transform:uppercase; padding:0 6px; border-radius:4px; border:1px solid var(--line); }
.s-must { color:#fff; background:#24292f; border-color:#24292f; } .s-should { background:var(--soft); } .s-observe { color:var(--obs); border-color:#b6e3ff; }
.suite-errors { border:2px solid var(--fail); background:var(--fail-bg); border-radius:8px; padding:4px 16px 12px; }
.suite-errors h2 { color:var(--fail); }
.causes { border-left:4px solid var(--warn, #b26a00); padding:2px 16px 8px; background:#fffcf5; margin-top:20px; }
.causes ol { padding-left:20px; margin:0; } .causes li { padding:4px 0; } .cause-ids { font-size:12px; margin-top:2px; } .cause-ids a { margin-right:2px; }
.problems { border-left:4px solid var(--fail); padding:2px 16px 8px; background:#fffafa; margin-top:20px; }
.problems.none { border-color:var(--pass); background:#f7fdf8; }
.problems ul { list-style:none; padding:0; margin:0; } .problems li { padding:5px 0; border-bottom:1px solid var(--line); }
.problems li:last-child { border:0; } .problem-msg { color:var(--fail); font-size:13px; margin:2px 0 0 4px; word-break:break-word; }
.legend { margin-top:20px; background:var(--soft); border:1px solid var(--line); border-radius:8px; padding:8px 14px; }
.legend summary { cursor:pointer; font-weight:600; } .legend-grid { display:grid; grid-template-columns:1fr 1fr; gap:18px; }
.legend dl { display:grid; grid-template-columns:max-content 1fr; gap:4px 10px; font-size:13px; } .legend dd { margin:0; }
.filters { position:sticky; top:0; z-index:1; display:flex; flex-wrap:wrap; gap:10px 18px; align-items:center; padding:10px 12px; background:#fff; border:1px solid var(--line); border-radius:8px; box-shadow:0 1px 3px rgba(0,0,0,.06); }
.filters select, .filters input[type=search] { font:inherit; padding:2px 6px; } .filters input[type=search] { width:220px; }
.no-js .filters, .no-js .js-only { display:none; } .js .no-js-only { display:none; }
.noscript { color:var(--muted); }
.group h2 { display:flex; flex-wrap:wrap; gap:8px; align-items:baseline; border-bottom:2px solid var(--line); padding-bottom:4px; }
.group-total { color:var(--muted); font-size:13px; font-weight:normal; } .group-counts .count { font-size:12px; font-weight:600; padding:0 6px; border-radius:8px; margin-right:4px; }
.shown { font-size:12px; color:var(--muted); font-weight:normal; }
.req { border-bottom:1px solid var(--line); padding:8px 4px 8px 10px; border-left:3px solid transparent; }
.req.problem { border-left-color:var(--fail); background:#fffbfb; }
.req:target { outline:2px solid #0969da; outline-offset:2px; }
.req-head { display:grid; grid-template-columns:130px 90px 1fr auto; gap:10px; align-items:baseline; }
.req-head .badge { justify-self:start; }
.req-id { font-weight:700; font-family:ui-monospace,Menlo,monospace; text-decoration:none; color:var(--fg); }
.req-meta { white-space:nowrap; font-size:12px; color:var(--muted); } .evidence-level { margin:0 6px; }
.req-body { margin-left:240px; font-size:13px; }
.source { color:var(--muted); font-size:12px; }
.failure .message { color:var(--fail); font-weight:600; margin:6px 0; word-break:break-word; }
.diff { border:1px solid var(--line); border-radius:6px; overflow:hidden; margin:6px 0; }
.diff-key { background:var(--soft); font-size:12px; padding:2px 8px; } .diff-key .k-del { color:var(--fail); } .diff-key .k-add { color:var(--pass); margin-left:12px; }
.diff pre { padding:6px 8px; } .diff pre .add { background:#e6ffec; display:block; } .diff pre .del { background:#ffebe9; display:block; } .diff pre .same { display:block; color:#444c56; } .diff pre span { min-height:1.45em; }
.note, .baseline-note, .cleanup { margin:6px 0; padding:4px 10px; border-radius:6px; background:var(--soft); }
.baseline-note { background:var(--exp-bg); } .cleanup { background:var(--ni-bg); } .cleanup ul { margin:2px 0; }
details.evidence { margin-top:6px; } details.evidence > summary { cursor:pointer; color:#0969da; font-size:13px; }
.exchange { border:1px solid var(--line); border-radius:6px; margin:4px 0; background:#fff; }
.exchange > summary { cursor:pointer; padding:3px 8px; font-size:12.5px; }
.exchange[open] > summary { border-bottom:1px solid var(--line); background:var(--soft); }
.ex-n { color:var(--muted); } .ex-status { font-family:ui-monospace,Menlo,monospace; font-weight:700; padding:0 4px; border-radius:4px; }
.ex-status.ok { color:var(--pass); } .ex-status.bad { color:var(--fail); }
.err-type { font-family:ui-monospace,Menlo,monospace; } .err-msg { color:var(--muted); } .ex-meta { float:right; color:var(--muted); }
.panes { display:grid; grid-template-columns:1fr 1fr; } .pane { padding:6px 8px; min-width:0; } .pane + .pane { border-left:1px solid var(--line); }
.property { border:1px solid #f0c6c6; background:#fffafa; border-radius:6px; padding:4px 12px 10px; margin:6px 0; }
.property .steps { margin:4px 0; padding-left:26px; } .prop-failure { color:var(--fail); margin:4px 0; word-break:break-word; }
.kv { display:grid; grid-template-columns:max-content 1fr; gap:2px 12px; margin:4px 0; } .kv dt { color:var(--muted); } .kv dd { margin:0; min-width:0; }
.replay { background:#24292f; color:#fff; padding:6px 10px; border-radius:6px; margin-top:6px; }
.replay span { color:#b0b8c0; font-size:12px; } .replay .cmd { color:#fff; word-break:break-all; }
.replay .copy { float:right; font-size:12px; }
.observations pre { background:var(--soft); padding:4px 8px; border-radius:4px; }
footer { margin-top:36px; color:var(--muted); font-size:12px; }
@media (max-width: 800px) { .top-grid, .legend-grid, .panes { grid-template-columns:1fr; } .req-head { grid-template-columns:auto auto 1fr; } .req-meta { grid-column:1/-1; } .req-body { margin-left:0; } }
@media print {
  .filters, .noscript, .js-only { display:none !important; }
  main { max-width:none; padding:0; } .req { break-inside:avoid; } .req[hidden], .group[hidden] { display:block !important; }
  a { color:inherit; } .legend { break-inside:avoid; }
  .badge, .verdict, .diff .add, .diff .del, .replay { -webkit-print-color-adjust:exact; print-color-adjust:exact; }
}
`;
