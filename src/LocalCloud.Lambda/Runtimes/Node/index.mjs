// LocalCloud's runtime interface client for Node.js (nodejs18.x … nodejs24.x): the part of AWS's managed Node.js runtime
// that a function can observe. It speaks the Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html),
// loads the handler as AWS does (CommonJS or ES module, async or callback;
// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html), and reports errors and logs in AWS's shapes
// (https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html, nodejs-logging.html). No dependencies: it runs
// on the machine's node. Error types and messages follow aws-lambda-nodejs-runtime-interface-client.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// Must match LocalCloud.Lambda's Worker constants.
const END_OF_INVOCATION = '\u001fLOCALCLOUD_END ';
const OUT_OF_MEMORY_EXIT_CODE = 124;

const runtimeApi = process.env.AWS_LAMBDA_RUNTIME_API;
const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
const handlerString = process.env._HANDLER || '';
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const [apiHost, apiPort, apiPrefix] = (() => {
  const slash = runtimeApi.indexOf('/');
  const authority = slash < 0 ? runtimeApi : runtimeApi.slice(0, slash);
  const prefix = slash < 0 ? '' : runtimeApi.slice(slash);
  const colon = authority.lastIndexOf(':');
  return [authority.slice(0, colon), Number(authority.slice(colon + 1)), prefix];
})();

let currentRequestId;
let inFlight = false;

// console.* as AWS formats it: "timestamp\trequestId\tLEVEL\tmessage" (requestId "undefined" during init).
const rawWrite = process.stdout.write.bind(process.stdout);
function logLine(level, args) {
  rawWrite(`${new Date().toISOString()}\t${currentRequestId}\t${level}\t${util.format(...args)}\n`);
}
console.log = (...args) => logLine('INFO', args);
console.info = (...args) => logLine('INFO', args);
console.warn = (...args) => logLine('WARN', args);
console.error = (...args) => logLine('ERROR', args);
console.debug = (...args) => logLine('DEBUG', args);
console.trace = (...args) => logLine('TRACE', args);
console.fatal = (...args) => logLine('FATAL', args);

function request(method, route, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: apiHost, port: apiPort, path: `${apiPrefix}/2018-06-01/runtime/${route}`, method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function post(route, payload, errorType) {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
  const headers = { 'Content-Type': 'application/json', 'Content-Length': body.length };
  if (errorType) headers['Lambda-Runtime-Function-Error-Type'] = errorType;
  return request('POST', route, body, headers);
}

// The error document AWS's Node.js runtime posts: errorType is the error's name (typeof for thrown non-errors).
function errorDocument(error) {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error && 'name' in error)) {
    return { errorType: error.name, errorMessage: error.message, trace: typeof error.stack === 'string' ? error.stack.split('\n') : [] };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

class RuntimeError extends Error {
  constructor(name, message) {
    super(message);
    this.name = name;
  }
}

function endOfOutput() {
  rawWrite(`${END_OF_INVOCATION}${currentRequestId}\n`);
}

function isOutOfMemory(error) {
  return error instanceof RangeError && /allocation failed|heap out of memory|Array buffer allocation failed/i.test(error.message);
}

// "dir/file.export.nested": the module is everything before the first dot of the last path segment.
async function loadHandler() {
  const match = /^([^.]*)\.(.*)$/.exec(path.basename(handlerString));
  if (!match || !match[2]) {
    throw new RuntimeError('Runtime.MalformedHandlerName', 'Bad handler');
  }
  const moduleRoot = path.join(taskRoot, path.dirname(handlerString));
  const moduleName = match[1];
  const handlerPath = match[2];
  const base = path.resolve(moduleRoot, moduleName);
  if (!base.startsWith(path.resolve(taskRoot))) {
    throw new RuntimeError('Runtime.MalformedHandlerName', 'Bad handler');
  }
  let module;
  try {
    module = await importModule(base);
  } catch (e) {
    if (e instanceof RuntimeError) throw e;
    if (e instanceof SyntaxError) throw new RuntimeError('Runtime.UserCodeSyntaxError', `${e.name}: ${e.message}`);
    if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND')) {
      throw new RuntimeError('Runtime.ImportModuleError', `Error: Cannot find module '${e.message.match(/'([^']+)'/)?.[1] ?? moduleName}'\nRequire stack:\n- ${process.argv[1]}`);
    }
    throw e;
  }
  let fn = module;
  for (const part of handlerPath.split('.')) {
    fn = fn == null ? undefined : fn[part];
  }
  if (fn === undefined) {
    throw new RuntimeError('Runtime.HandlerNotFound', `${path.basename(handlerString)} is undefined or not exported`);
  }
  if (typeof fn !== 'function') {
    throw new RuntimeError('Runtime.HandlerNotFound', `${path.basename(handlerString)} is not a function`);
  }
  return fn;
}

// As AWS resolves it: .js (CommonJS, or ESM when the nearest package.json says "type": "module"), .mjs, .cjs.
async function importModule(base) {
  for (const ext of ['.js', '.mjs', '.cjs']) {
    const file = base + ext;
    if (!fs.existsSync(file)) continue;
    if (ext === '.mjs' || (ext === '.js' && isEsm(path.dirname(file)))) {
      return await import(pathToFileURL(file).href);
    }
    return createRequire(file)(file);
  }
  if (fs.existsSync(base) && fs.statSync(base).isDirectory()) {
    return createRequire(path.join(base, 'index.js'))(base);
  }
  const error = new Error(`Cannot find module '${path.basename(base)}'`);
  error.code = 'MODULE_NOT_FOUND';
  throw error;
}

function isEsm(dir) {
  for (let d = dir; d.startsWith(path.resolve(taskRoot)); d = path.dirname(d)) {
    const pkg = path.join(d, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        return JSON.parse(fs.readFileSync(pkg, 'utf8')).type === 'module';
      } catch {
        return false;
      }
    }
    if (d === path.dirname(d)) break;
  }
  return false;
}

function contextFor(headers) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: undefined,
    clientContext: undefined,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

// An async handler's promise, or a callback handler's callback, whichever settles first.
function run(handler, event, context) {
  return new Promise((resolve, reject) => {
    const callback = (error, result) => (error !== undefined && error !== null ? reject(error) : resolve(result));
    context.succeed = (result) => resolve(result);
    context.fail = (error) => reject(error ?? new Error('handled'));
    context.done = callback;
    const result = handler(event, context, callback);
    if (result && typeof result.then === 'function') {
      result.then(resolve, reject);
    } else if (handler.length < 3) {
      // A synchronous handler that takes no callback: its return value is the response.
      resolve(result);
    }
  });
}

async function main() {
  let handler;
  try {
    handler = await loadHandler();
  } catch (e) {
    const doc = errorDocument(e);
    logLine('ERROR', [`Init Error \t${JSON.stringify(doc)}`]);
    await post('init/error', JSON.stringify(doc), doc.errorType);
    process.exit(1);
  }
  for (;;) {
    let next;
    try {
      next = await request('GET', 'invocation/next');
    } catch {
      process.exit(0); // The service is gone.
    }
    if (next.status !== 200) process.exit(0);
    const requestId = next.headers['lambda-runtime-aws-request-id'];
    currentRequestId = requestId;
    process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'] ?? '';
    let event;
    try {
      event = next.body.length === 0 ? {} : JSON.parse(next.body.toString('utf8'));
    } catch (e) {
      const doc = { errorType: 'Runtime.UnmarshalError', errorMessage: `Unable to parse input as json: ${e.message}`, trace: [] };
      endOfOutput();
      await post(`invocation/${requestId}/error`, JSON.stringify(doc), doc.errorType);
      continue;
    }
    inFlight = true;
    try {
      const result = await run(handler, event, contextFor(next.headers));
      const body = result === undefined ? 'null' : JSON.stringify(result);
      endOfOutput();
      await post(`invocation/${requestId}/response`, body ?? 'null');
    } catch (e) {
      if (isOutOfMemory(e)) {
        logLine('ERROR', [e]);
        endOfOutput();
        process.exit(OUT_OF_MEMORY_EXIT_CODE);
      }
      const doc = errorDocument(e);
      logLine('ERROR', [`Invoke Error \t${JSON.stringify(doc)}`]);
      endOfOutput();
      await post(`invocation/${requestId}/error`, JSON.stringify(doc), doc.errorType);
    } finally {
      inFlight = false;
    }
  }
}

// An error no handler awaited (a stray rejection or throw) fails the invocation in flight and ends the environment,
// as AWS's runtime does (errorType Runtime.UnhandledPromiseRejection for rejections).
async function fatal(label, doc, exitCode) {
  logLine('ERROR', [`${label} \t${JSON.stringify(doc)}`]);
  if (inFlight) {
    endOfOutput();
    try {
      await post(`invocation/${currentRequestId}/error`, JSON.stringify(doc), doc.errorType);
    } catch {
      // The service will report the exit instead.
    }
  }
  process.exit(exitCode);
}
process.on('uncaughtException', (e) => fatal('Uncaught Exception', errorDocument(e), 129));
process.on('unhandledRejection', (reason) => {
  const cause = errorDocument(reason);
  fatal('Unhandled Promise Rejection', { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: `${cause.errorType}: ${cause.errorMessage}`, trace: cause.trace }, 128);
});

main();
