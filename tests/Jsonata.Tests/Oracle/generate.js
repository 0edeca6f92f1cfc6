// Answers every line of expressions.txt with jsonata 2.2.2 over data.json, into answers.json: the result as
// $string prints it, "undefined", or the error code. OracleTests replays them against the C# engine.
// Run: (cd /tmp && npm install jsonata@2.2.2) && NODE_PATH=/tmp/node_modules node generate.js
const jsonata = require('jsonata');
const fs = require('fs');
const path = require('path');

const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'data.json'), 'utf8'));
const lines = fs.readFileSync(path.join(__dirname, 'expressions.txt'), 'utf8').split('\n').filter(l => l.length > 0);
(async () => {
  const answers = [];
  for (const expr of lines) {
    let answer;
    try {
      const r = await jsonata(expr).evaluate(data);
      answer = r === undefined ? { undefined: true } : { string: await jsonata('$string($)').evaluate(r) };
    } catch (err) {
      answer = { code: err.code };
    }
    answers.push({ expr, ...answer });
  }
  fs.writeFileSync(path.join(__dirname, 'answers.json'), JSON.stringify(answers, null, 1) + '\n');
})();
