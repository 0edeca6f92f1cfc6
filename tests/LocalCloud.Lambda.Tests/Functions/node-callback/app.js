const http = require('node:http');

// The callback style older Node.js functions use: handler(event, context, callback).
exports.handler = function (event, context, callback) {
  switch (event.action) {
    case 'echo':
      callback(null, {
        action: event.action,
        value: event.value,
        functionName: context.functionName,
        functionVersion: context.functionVersion,
        memoryLimitInMB: String(context.memoryLimitInMB),
        hasRequestId: typeof context.awsRequestId === 'string' && context.awsRequestId.length > 0,
        remainingPositive: context.getRemainingTimeInMillis() > 0,
        variable: process.env.PROBE_VAR ?? null,
      });
      break;
    case 'throw':
      callback(new Error(`probe failure: ${event.value}`));
      break;
    case 'hang':
      setInterval(() => {}, 1000);
      break;
    case 'exit':
      process.exit(3);
      break;
    case 'log':
      console.log('probe-stdout');
      console.error('probe-stderr');
      callback(null, 'logged');
      break;
    case 'signal': {
      const url = new URL('/_test/signal', process.env.AWS_ENDPOINT_URL);
      const req = http.request(url, { method: 'POST' }, (res) => {
        res.resume();
        res.on('end', () => callback(null, 'signalled'));
      });
      req.on('error', (e) => callback(e));
      req.end(JSON.stringify(event.value));
      break;
    }
    default:
      callback(new Error(`unknown action ${event.action}`));
  }
};
