// Regenerates the seeded part of OracleCorpus.json from the reference itself (the same cases each time):
//   cd /tmp/jsref-fmt && npm install jsonata@2.2.2, copy this file there, then
//   for s in 12345 777 4242; do SEED=$s node OracleCorpus.gen.js; done, merged and deduplicated by expr.
// Reference errors without a JSONata code are left out: there is no contract to port (see HostileInputTests).
const j = require('jsonata');
let seed = +(process.env.SEED || 12345);
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = a => a[Math.floor(rnd() * a.length)];
const numPics = ['#,##0.0#', '0.0e00', '#E0', '##.##%', '0;0', '-#0-', '0.00;-0.00', '#,##0.00 ¤', '000,000.000###', '#.e0', '0,0', '#,###,###', '0.000,000', '00e0', '#0.0e0', '0.#e0', '#.###e0', '#0.##','#,##0.00', '0.###', '#0', '000', '#,###.00', '0.00e0', '#.##e00', '00.000e0', '#%', '0.0‰', '#,##0.00;(#,##0.00)', '$#,##0.00', '0,000.0,00', '#,##,##0', '.000', '#.#', '9,999.99', '0.0', '##0.0##e0', '# ##0', "'#'0"];
const intPics = ['#0', '00', '0000', '#,#00', '0,00,000', '0;c', 'W;o', 'i;o', '00;o', '٠٠', '١', '０', '0.0', '#', 'x', '0-000', '0', '000', '#,##0', 'w', 'W', 'Ww', 'w;o', 'Ww;o', 'i', 'I', 'a', 'A', '0;o', '#0;o', '٠', '0 000', '#,##,##0', '00,00,0'];
const dtPics = ['[Y]', '[Y01]', '[Y,4]', '[Y,3-4]', '[M,2]', '[MN,2-2]', '[Mn]', '[D,2]', '[Do]', '[D01o]', '[dwo]', '[H,2]', '[h01]:[m01][Pn]', '[m,2]', '[s,2]', '[f,2-2]', '[f,3]', '[f01]', '[Z0]', '[Z00]', '[Z000]', '[z00:00]', '[Z01:01]', '[Z]', '[ZN]', '[Fo]', '[F01]', '[FNn,2]', '[W01o]', '[xN]', '[ Y , 4 ]', '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]', 'text [[lit]] ]] [Y]', '[Dwo] [MNn] [Yw]', '[DW] [MI] [YI]', '[D1] [MNn,*-3] [Y]', '[Y0001][M01][D01]', '[Y0001][M01][D01][H01][m01]','[Y0001]-[M01]-[D01]', '[D1o] [MNn] [Y]', '[FNn], [D] [MNn,3-3] [Y0001] [h]:[m01] [P]', '[H01]:[m01]:[s01].[f001]', '[Y,2]/[M]/[D]', '[X0001]-W[W01]-[F1]',
  '[d001] [w] [x]', '[FN,*-3] [Dwo] [MN] [YI]', '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01][Z]', '[z] [Z0001] [Z01:01t]', '[YW] [Mi] [Da]', '[C] [E] [PN]', '[M01]/[D01]/[Y0001] [H]:[m]', '[f1] [f01] [s]'];
const zones = ['+0030', '-0030', '+1000', '-1200', '+2300', undefined, '+0000', '-0500', '+0530', '+1300', '-0930', '+0100'];
const cases = [];
const num = () => { const k = rnd(); if (k < 0.2) return Math.round((rnd() - 0.5) * 200); if (k < 0.5) return +((rnd() - 0.5) * 1e6).toFixed(3); if (k < 0.7) return rnd() * 10; if (k < 0.85) return +((rnd() - 0.5) * 2).toFixed(6); return (rnd() - 0.3) * Math.pow(10, Math.floor(rnd() * 30) - 10); };
for (let i = 0; i < 500; i++) cases.push(`$formatNumber(${JSON.stringify(num())}, ${JSON.stringify(pick(numPics))})`);
for (let i = 0; i < 350; i++) { const v = rnd() < 0.7 ? Math.floor(rnd() * 5000) - (rnd() < 0.2 ? 2500 : 0) : Math.floor(rnd() * 1e12); const ip = pick(intPics); cases.push(`$formatInteger(${/^[iI]$/.test(ip) ? v % 100000 : v}, ${JSON.stringify(ip)})`); }
for (let i = 0; i < 600; i++) { const ms = Math.floor((rnd() - 0.3) * 4e12); const z = pick(zones); const p = pick(dtPics); cases.push(z ? `$fromMillis(${ms}, ${JSON.stringify(p)}, ${JSON.stringify(z)})` : `$fromMillis(${ms}, ${JSON.stringify(p)})`); }
for (let i = 0; i < 100; i++) { const ms = Math.floor((rnd() - 0.3) * 4e12); cases.push(`$fromMillis(${ms})`); }
(async () => {
  const out = [];
  for (const e of cases) {
    try { const r = await j(e).evaluate({}); out.push(r === undefined ? { expr: e, undefined: true } : { expr: e, result: r }); } catch (x) { if (x.code) out.push({ expr: e, code: x.code }); }
  }
  // round trips: parse what was formatted
  const more = [];
  for (const o of out) {
    if (o.result === undefined) continue;
    const m = /^\$formatInteger\((-?\d+), (".*")\)$/.exec(o.expr);
    if (m && !o.expr.includes('"a"') && !o.expr.includes('"A"')) more.push(`$parseInteger(${JSON.stringify(o.result)}, ${m[2]})`);
    const d = /^\$fromMillis\((-?\d+), ("[^"]*")\)$/.exec(o.expr);
    // Pictures without a year take the rest of the date from the clock of the run, so only those with one round-trip.
    if (d && d[2].includes("[Y")) more.push(`$toMillis(${JSON.stringify(o.result)}, ${d[2]})`);
    const iso = /^\$fromMillis\((-?\d+)\)$/.exec(o.expr);
    if (iso) more.push(`$toMillis(${JSON.stringify(o.result)})`);
  }
  for (const e of more) {
    try { const r = await j(e).evaluate({}); out.push(r === undefined ? { expr: e, undefined: true } : Number.isNaN(r) ? { expr: e, nan: true } : { expr: e, result: r }); } catch (x) { if (x.code) out.push({ expr: e, code: x.code }); }
  }
  process.stdout.write(JSON.stringify({ generator: 'jsonata-js 2.2.2 on node ' + process.version + ', seeded; see OracleCorpusTests.cs', cases: out }, null, 0));
})();
