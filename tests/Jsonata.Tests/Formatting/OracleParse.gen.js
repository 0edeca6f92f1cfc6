// $toMillis on damaged input: timestamps OracleFuzz.gen.js formatted (pictures with a year, so no clock enters),
// each mutated twice (a case flipped, a character dropped or changed, all upper case), parsed back with its picture.
//   needs fuzz2.json (OracleFuzz.gen.js output, SEED=5) beside it; all of its output went into OracleCorpus.json.
const j = require('jsonata');
let seed = 77;
const rnd = () => { seed |= 0; seed = seed + 0x6D2B79F5 | 0; let t = Math.imul(seed ^ seed >>> 15, 1 | seed); t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; };
const src = JSON.parse(require('fs').readFileSync('fuzz2.json')).cases.filter(c => typeof c.result === 'string' && /^\$fromMillis\(-?\d+, "[^"]*\[Y[^"]*"\)$/.test(c.expr));
const mutate = s => { const a = [...s]; const k = Math.floor(rnd() * 4); const i = Math.floor(rnd() * a.length);
  if (k === 0) a[i] = a[i] === a[i].toUpperCase() ? a[i].toLowerCase() : a[i].toUpperCase();
  else if (k === 1) a.splice(i, 1); else if (k === 2) a[i] = String(Math.floor(rnd() * 10)); else return s.toUpperCase();
  return a.join(''); };
(async () => {
  const out = [];
  for (const c of src) {
    const pic = /, ("[^"]*")\)$/.exec(c.expr)[1];
    for (const s of [mutate(c.result), mutate(c.result)]) {
      const e = `$toMillis(${JSON.stringify(s)}, ${pic})`;
      try { const r = await j(e).evaluate({}); out.push(r === undefined ? { expr: e, undefined: true } : Number.isNaN(r) ? { expr: e, nan: true } : { expr: e, result: r }); } catch (x) { if (x.code) out.push({ expr: e, code: x.code }); }
    }
  }
  const seen = new Set();
  process.stdout.write(JSON.stringify({ generator: 'parsefuzz', cases: out.filter(o => !seen.has(o.expr) && seen.add(o.expr)) }));
})();
