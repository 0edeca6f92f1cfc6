// Random pictures (most of them invalid, to reach every error path) for OracleCorpus.json, answered by the reference:
//   cd /tmp/jsref-fmt && npm install jsonata@2.2.2 && SEED=5 node OracleFuzz.gen.js > fuzz.json (copy this file there first); every 8th case went into the corpus.
// Reference errors without a JSONata code are left out (see HostileInputTests for what the port does there).
const j = require('jsonata');
let seed = +(process.env.SEED || 99);
const rnd = () => { seed |= 0; seed = seed + 0x6D2B79F5 | 0; let t = Math.imul(seed ^ seed >>> 15, 1 | seed); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; }; // mulberry32
const pick = a => a[Math.floor(rnd() * a.length)];
const randStr = (alpha, n) => { let s = ''; const len = 1 + Math.floor(rnd() * n); for (let i = 0; i < len; i++) s += pick(alpha); return s; };
const numAlpha = ['#', '0', '0', '#', ',', '.', 'e', '%', '‰', ';', '9', 'x', ' ', '-', '0', '#'];
const intAlpha = ['#', '0', ',', ' ', '1', ';o', 'w', 'W', 'i', 'a', '٠', ':', '0'];
const dtComp = ['Y', 'M', 'D', 'd', 'F', 'W', 'w', 'X', 'x', 'H', 'h', 'P', 'm', 's', 'f', 'Z', 'z', 'C', 'E'];
const dtMod = ['', '1', '01', '001', 'N', 'n', 'Nn', 'w', 'W', 'Ww', 'I', 'i', 'a', 'A', '1o', 'wo', '#1', '01:01', '0001', '01t', ',2', ',*-3', ',3-3', ',2-2', 'o'];
const lits = ['-', '/', ' ', ':', 'T', '.', ', ', ''];
const dtPic = () => { let s = ''; const n = 1 + Math.floor(rnd() * 5); for (let i = 0; i < n; i++) s += '[' + pick(dtComp) + pick(dtMod) + ']' + pick(lits); return s; };
const cases = [];
for (let i = 0; i < 3000; i++) cases.push(`$formatNumber(${JSON.stringify(+((rnd() - 0.4) * Math.pow(10, Math.floor(rnd() * 12) - 4)).toPrecision(8))}, ${JSON.stringify(randStr(numAlpha, 9))})`);
for (let i = 0; i < 1000; i++) cases.push(`$formatNumber(${JSON.stringify(+((rnd() - 0.4) * 1e5).toFixed(4))}, ${JSON.stringify(pick(['#.##0,00', '#,##0.00', '0,00e0', 'Ⅹ#,##0', '#;#']))}, ${JSON.stringify(pick([{ 'decimal-separator': ',', 'grouping-separator': '.' }, { 'zero-digit': '٠' }, { percent: 'pc', digit: 'X' }, { 'exponent-separator': 'E' }, { 'pattern-separator': '|', 'minus-sign': '−' }]))})`);
for (let i = 0; i < 2000; i++) cases.push(`$formatInteger(${Math.floor((rnd() - 0.3) * 1e5)}, ${JSON.stringify(randStr(intAlpha, 7))})`);
for (let i = 0; i < 5000; i++) cases.push(`$fromMillis(${Math.floor((rnd() - 0.3) * 4e12)}, ${JSON.stringify(dtPic())}${rnd() < 0.3 ? ', ' + JSON.stringify(pick(['+0100', '-0330', '+0945', '-1100', '+0000'])) : ''})`);
(async () => {
  const out = [];
  for (const e of cases) {
    try { const r = await j(e).evaluate({}); out.push(r === undefined ? { expr: e, undefined: true } : { expr: e, result: r }); } catch (x) { if (x.code) out.push({ expr: e, code: x.code }); }
  }
  const more = [];
  for (const o of out) {
    if (typeof o.result !== 'string') continue;
    const m = /^\$formatInteger\((-?\d+), ("[^"]*")\)$/.exec(o.expr);
    if (m) more.push(`$parseInteger(${JSON.stringify(o.result)}, ${m[2]})`);
    const d = /^\$fromMillis\((-?\d+), ("[^"]*")\)$/.exec(o.expr);
    if (d && d[2].includes('[Y')) more.push(`$toMillis(${JSON.stringify(o.result)}, ${d[2]})`);
  }
  for (const e of more) {
    try { const r = await j(e).evaluate({}); out.push(r === undefined ? { expr: e, undefined: true } : Number.isNaN(r) ? { expr: e, nan: true } : { expr: e, result: r }); } catch (x) { if (x.code) out.push({ expr: e, code: x.code }); }
  }
  const seen = new Set();
  process.stdout.write(JSON.stringify({ generator: 'fuzz', cases: out.filter(o => !seen.has(o.expr) && seen.add(o.expr)) }));
})();
