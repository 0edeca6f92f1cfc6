// Times each case of ../cases.json on jsonata 2.2.2: compiled once, evaluated many times (mean ns per evaluation).
// Usage: (cd bench/Jsonata.Benchmarks/node && npm install && node bench.js)
const jsonata = require('jsonata');
const fs = require('fs');
const path = require('path');

const { data, cases } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cases.json'), 'utf8'));

async function time(expr, minMillis) {
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < BigInt(minMillis) * 1000000n) {
    for (let i = 0; i < 100; i++) {
      await expr.evaluate(data);
    }
    n += 100;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / n;
}

(async () => {
  const results = {};
  for (const [name, source] of Object.entries(cases)) {
    const expr = jsonata(source);
    await time(expr, 500); // warm-up: let V8 optimise
    results[name] = await time(expr, 2000);
    console.log(`${name.padEnd(14)} ${results[name].toFixed(0).padStart(10)} ns`);
  }
  let compile = 0;
  const source = '$states.input.x + 1';
  const n = 20000;
  for (let i = 0; i < n; i++) jsonata(source);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) jsonata(source);
  compile = Number(process.hrtime.bigint() - start) / n;
  console.log(`compile        ${compile.toFixed(0).padStart(10)} ns  ($states.input.x + 1)`);
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify({ results, compile }, null, 2));
})();
