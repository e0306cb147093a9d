"""The HTML report's inline stylesheet (light, dark and print) and its small filter script."""

STYLE = """
:root{--fg:#1d2330;--muted:#5b6475;--bg:#fbfbfc;--card:#fff;--line:#dfe3ea;--accent:#2f5fb3;
--good:#17803d;--bad:#c0282d;--goodbg:#e4f5ea;--badbg:#fde6e6;--warnbg:#fff4d6;
--heat:#2f5fb3;--miss:#c0282d;--mark:#ffe58a;--gold:#17803d;--track:#eef0f4}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#a3abba;--bg:#14171c;
--card:#1d2128;--line:#343a45;--accent:#8fb3ff;--good:#5fd38a;--bad:#ff7b7b;--goodbg:#1d3a28;
--badbg:#44211f;--warnbg:#3d3417;--heat:#8fb3ff;--miss:#ff7b7b;--mark:#6b5a12;--gold:#5fd38a;
--track:#2a2f38}}
*{box-sizing:border-box}
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;padding:16px 24px;
max-width:1240px;color:var(--fg);background:var(--bg)}
h1{font-size:20px;margin:0 0 2px}h2{font-size:17px;margin:18px 0 8px}
h3{font-size:15px;margin:14px 0 6px}
.muted{color:var(--muted)}small{font-size:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;
margin:0 0 12px}
.gate{font-weight:600;padding:6px 10px;border-radius:6px;margin:8px 0;display:inline-block}
.gate-passed{background:var(--goodbg);color:var(--good)}
.gate-failed{background:var(--badbg);color:var(--bad)}
.gate-no-gate{background:var(--track);color:var(--muted)}
.numbers{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;
margin:6px 0}
.number{border:1px solid var(--line);border-radius:6px;padding:6px 10px;cursor:help}
.number dt{font-size:12px;color:var(--muted)}.number dd{margin:0;font-size:20px;font-weight:600;
font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.number[data-metric^="meta."] dd{font-size:14px;font-weight:500}
.tally{margin:6px 0 0;padding-left:18px}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;
padding:8px 12px}
figcaption{font-weight:600;margin-bottom:4px}
svg text{fill:var(--fg);font:12px system-ui,sans-serif}svg .axis{fill:var(--muted)}
svg .strong{font-weight:600;fill:var(--fg)}
svg .heat.hit{fill:var(--heat)}svg .heat.miss{fill:var(--miss)}
svg text.count{font-weight:600}svg text.count.strong{fill:var(--card)}
svg .track{fill:var(--track)}svg .fill{fill:var(--accent)}svg .fill.R{fill:var(--good)}
svg .fill.F1{fill:var(--fg);opacity:.7}svg .marker{stroke:var(--bad);stroke-dasharray:3 2}
svg .baseline{stroke:var(--line)}
table{border-collapse:collapse;width:100%}
th,td{padding:3px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.deltas,table.metrics{width:auto}
tr.better .change,tr.better td.change{color:var(--good);font-weight:600}
tr.worse .change,tr.worse td.change{color:var(--bad);font-weight:600}
td.num.worse{color:var(--bad)}td.num.better{color:var(--good)}
.warning{background:var(--warnbg);padding:6px 10px;border-radius:6px}
.filters{position:sticky;top:0;background:var(--bg);padding:6px 0;z-index:1;display:flex;
flex-wrap:wrap;gap:6px;align-items:center}
.filters button{font:inherit;border:1px solid var(--line);background:var(--card);color:var(--fg);
border-radius:14px;padding:2px 10px;cursor:pointer}
.filters button[aria-pressed="true"]{background:var(--accent);color:var(--card);
border-color:var(--accent)}
.article{margin:10px 0 14px}.article h3{margin:6px 0}
table.items td{font-size:13px;padding:2px 8px}
table.items td:first-child{width:8.5em}table.items td.labels{width:15em}
td.subject{max-width:34em}td.evidence{max-width:30em;color:var(--muted)}
td.evidence q{display:-webkit-box;-webkit-line-clamp:1;-webkit-box-orient:vertical;overflow:hidden}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;white-space:nowrap}
.badge.ok{background:var(--goodbg);color:var(--good)}.badge.bad{background:var(--badbg);color:var(--bad)}
tr.item[hidden],.article[hidden]{display:none}
details.text summary{cursor:pointer;color:var(--muted);font-size:13px}
summary h3{display:inline-block;cursor:pointer}
.doc{white-space:pre-wrap;max-width:60em;margin:6px 0;padding:8px 12px;
border-left:3px solid var(--line)}
mark.ev{background:var(--mark);color:inherit}
.gold{text-decoration:underline 2px var(--gold);text-underline-offset:3px}
@media print{body{max-width:none;padding:0;background:#fff;color:#000;font-size:11px}
.filters{display:none}.card,figure,tr{break-inside:avoid}.article{break-inside:auto}
tr.item[hidden],.article[hidden]{display:revert}svg text.count.strong{fill:#000}}
"""

SCRIPT = """
(function () {
  var buttons = document.querySelectorAll('.filters button');
  var rows = document.querySelectorAll('tr.item');
  var shown = document.getElementById('shown-count');
  function apply(filter) {
    var visible = 0;
    rows.forEach(function (row) {
      var kind = row.getAttribute('data-error');
      var keep = filter === 'all' || (filter === 'errors' ? kind !== '' : kind === filter);
      row.hidden = !keep;
      if (keep) { visible += 1; }
    });
    document.querySelectorAll('section.article').forEach(function (article) {
      article.hidden = !article.querySelector('tr.item:not([hidden])');
    });
    buttons.forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.filter === filter));
    });
    if (shown) { shown.textContent = 'showing ' + visible + ' of ' + rows.length + ' items'; }
  }
  buttons.forEach(function (button) {
    button.addEventListener('click', function () { apply(button.dataset.filter); });
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  apply('all');
})();
"""
