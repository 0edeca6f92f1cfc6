const http = require('node:http');

function signal(value) {
  return new Promise((resolve, reject) => {
    const url = new URL('/_test/signal', process.env.AWS_ENDPOINT_URL);
    const req = http.request(url, { method: 'POST' }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(JSON.stringify(value));
  });
}

exports.handler = async (event, context) => {
  switch (event.action) {
    case 'echo':
      return {
        action: event.action,
        value: event.value,
        functionName: context.functionName,
        functionVersion: context.functionVersion,
        memoryLimitInMB: String(context.memoryLimitInMB),
        hasRequestId: typeof context.awsRequestId === 'string' && context.awsRequestId.length > 0,
        remainingPositive: context.getRemainingTimeInMillis() > 0,
        variable: process.env.PROBE_VAR ?? null,
      };
    case 'throw':
      throw new Error(`probe failure: ${event.value}`);
    case 'hang':
      return new Promise(() => setInterval(() => {}, 1000));
    case 'exit':
      process.exit(3);
      break;
    case 'log':
      console.log('probe-stdout');
      console.error('probe-stderr');
      return 'logged';
    case 'signal':
      await signal(event.value);
      return 'signalled';
    default:
      throw new Error(`unknown action ${event.action}`);
  }
};
