// ISO-8601-shaped strings for $toMillis without a picture, answered by the reference (V8 Date.parse behind its regex):
//   cd /tmp/jsref-fmt && npm install jsonata@2.2.2, copy this file there, SEED=11 and SEED=23 node OracleIso.gen.js.
// Every 6th case, and every one that reaches V8's legacy parser, went into OracleCorpus.json. Left out: "0005-23.4",
// which V8 reads as 23 May 2004 (its legacy guesses for years below 100 are not copied; the port says NaN).
const j = require('jsonata');
let seed = +(process.env.SEED || 11);
const rnd = () => { seed |= 0; seed = seed + 0x6D2B79F5 | 0; let t = Math.imul(seed ^ seed >>> 15, 1 | seed); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; };
const d = n => String(Math.floor(rnd() * n)).padStart(2, '0');
const pick = a => a[Math.floor(rnd() * a.length)];
const cases = new Set();
for (let i = 0; i < 4000; i++) {
  let s = String(Math.floor(rnd() * 10000)).padStart(4, '0');
  if (rnd() < 0.8) s += '-' + pick(['0', '1']) + d(10).slice(1);
  if (rnd() < 0.8) s += '-' + pick(['0', '1', '2', '3']) + d(10).slice(1);
  if (rnd() < 0.7) s += 'T' + pick(['0', '1', '2']) + d(10).slice(1) + ':' + d(60) + ':' + d(60);
  if (rnd() < 0.4) s += '.' + String(Math.floor(rnd() * 100000)).slice(0, 1 + Math.floor(rnd() * 5));
  if (rnd() < 0.6) s += pick(['Z', '+' + pick(['0','1','2']) + d(10).slice(1) + ':' + d(60), '-' + pick(['0','1','2']) + d(10).slice(1) + d(60), '+00:00']);
  cases.add(`$toMillis(${JSON.stringify(s)})`);
}
(async () => {
  const out = [];
  for (const e of cases) {
    try { const r = await j(e).evaluate({}); out.push(r === undefined ? { expr: e, undefined: true } : Number.isNaN(r) ? { expr: e, nan: true } : { expr: e, result: r }); } catch (x) { if (x.code) out.push({ expr: e, code: x.code }); }
  }
  process.stdout.write(JSON.stringify({ generator: 'iso', cases: out }));
})();
