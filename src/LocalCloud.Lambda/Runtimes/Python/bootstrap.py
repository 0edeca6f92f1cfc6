# LocalCloud's runtime interface client for Python (python3.9 ... python3.14): the part of AWS's managed Python runtime
# that a function can observe. It speaks the Lambda Runtime API
# (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), loads "module.function" from the task root as AWS
# does (https://docs.aws.amazon.com/lambda/latest/dg/python-handler.html), and reports errors and logs in AWS's shapes
# (python-exceptions.html, python-logging.html). Standard library only: it runs on the machine's python3. Error types and
# messages follow aws-lambda-python-runtime-interface-client.
import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

# Must match LocalCloud.Lambda's Worker constants.
END_OF_INVOCATION = "\x1fLOCALCLOUD_END "
OUT_OF_MEMORY_EXIT_CODE = 124

_runtime_api = os.environ["AWS_LAMBDA_RUNTIME_API"]
_authority, _, _prefix = _runtime_api.partition("/")
_prefix = "/" + _prefix if _prefix else ""
_task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
_handler = os.environ.get("_HANDLER", "")
_connection = http.client.HTTPConnection(_authority)
_request_id = ""


def _call(method, route, body=None, headers=None):
    global _connection
    for attempt in (0, 1):
        try:
            _connection.request(method, f"{_prefix}/2018-06-01/runtime/{route}", body=body, headers=headers or {})
            response = _connection.getresponse()
            return response.status, response.headers, response.read()
        except (http.client.HTTPException, ConnectionError):
            # A kept-alive connection the server closed: one fresh attempt.
            _connection.close()
            _connection = http.client.HTTPConnection(_authority)
            if attempt:
                raise
    return None


def _post(route, document, error_type=None):
    headers = {"Content-Type": "application/json"}
    if error_type:
        headers["Lambda-Runtime-Function-Error-Type"] = error_type
    body = document if isinstance(document, bytes) else json.dumps(document).encode("utf-8")
    _call("POST", route, body, headers)


class _RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _request_id
        return True


def _install_logging():
    # AWS's default text format for the logging module; print() stays unformatted, as on AWS.
    handler = logging.StreamHandler(sys.stdout)
    formatter = logging.Formatter("[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S")
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    handler.addFilter(_RequestIdFilter())
    handler.terminator = ""
    logging.getLogger().addHandler(handler)


class _RuntimeError(Exception):
    def __init__(self, error_type, message):
        super().__init__(message)
        self.error_type = error_type


def _error_document(error, request_id=""):
    error_type = getattr(error, "error_type", None) or type(error).__name__
    frames = [] if isinstance(error, _RuntimeError) else traceback.format_list(traceback.extract_tb(error.__traceback__)[1:])
    return {"errorMessage": str(error), "errorType": error_type, "requestId": request_id, "stackTrace": frames}


def _log_error(document):
    lines = "".join(document["stackTrace"])
    sys.stdout.write(f"[ERROR] {document['errorType']}: {document['errorMessage']}\nTraceback (most recent call last):\n{lines}")
    sys.stdout.flush()


def _load_handler():
    try:
        module_name, function_name = _handler.rsplit(".", 1)
    except ValueError as e:
        raise _RuntimeError("Runtime.MalformedHandlerName", f"Bad handler '{_handler}': {e}") from None
    module_name = module_name.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        raise _RuntimeError("Runtime.ImportModuleError", f"Unable to import module '{module_name}': {e}") from None
    except SyntaxError as e:
        raise _RuntimeError("Runtime.UserCodeSyntaxError", f"Syntax error in module '{module_name}': {e}") from None
    function = getattr(module, function_name, None)
    if function is None:
        raise _RuntimeError("Runtime.HandlerNotFound", f"Handler '{function_name}' missing on module '{module_name}'")
    return function


class LambdaContext:
    """AWS's context object: https://docs.aws.amazon.com/lambda/latest/dg/python-context.html"""

    def __init__(self, headers):
        self.aws_request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        self.invoked_function_arn = headers.get("Lambda-Runtime-Invoked-Function-Arn")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = None
        self.client_context = None
        self._deadline_ms = int(headers.get("Lambda-Runtime-Deadline-Ms") or 0)

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


def _end_of_output():
    sys.stdout.flush()
    sys.stderr.flush()
    sys.__stdout__.write(f"{END_OF_INVOCATION}{_request_id}\n")
    sys.__stdout__.flush()


def _cap_memory():
    # AWS kills an environment whose memory use passes MemorySize (the cgroup's limit) and reports
    # Runtime.OutOfMemory. A plain process has no cgroup of its own here, so the closest honest equivalent is the
    # address-space limit: allocations beyond it fail with MemoryError, which ends the worker with the exit code
    # LocalCloud reads as out of memory. RLIMIT_AS counts reserved address space rather than touched pages, so the
    # interpreter's own reservation at this point is added on top: the function gets MemorySize to allocate.
    try:
        import resource
    except ImportError:
        return  # Not a Unix: no limit, as documented.
    try:
        memory_mb = int(os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", ""))
    except ValueError:
        return
    baseline = 0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    baseline = int(line.split()[1]) * 1024
                    break
    except OSError:
        pass
    limit = baseline + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def main():
    global _request_id
    _cap_memory()
    # One stream for the function's output, so print() to stdout and stderr keep their order in the log.
    sys.stderr = sys.stdout
    sys.path.insert(0, _task_root)
    _install_logging()
    try:
        handler = _load_handler()
    except Exception as e:  # noqa: BLE001 - any failure of user code at init goes to /init/error
        document = _error_document(e)
        _log_error(document)
        _post("init/error", document, document["errorType"])
        sys.exit(1)
    while True:
        try:
            status, headers, body = _call("GET", "invocation/next")
        except (OSError, http.client.HTTPException):
            return  # The service is gone.
        if status != 200:
            return
        _request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("Lambda-Runtime-Trace-Id") or ""
        try:
            event = json.loads(body) if body else {}
        except ValueError as e:
            document = {"errorMessage": f"Unable to unmarshal input: {e}", "errorType": "Runtime.UnmarshalError", "requestId": _request_id, "stackTrace": []}
            _end_of_output()
            _post(f"invocation/{_request_id}/error", document, document["errorType"])
            continue
        try:
            result = handler(event, LambdaContext(headers))
            try:
                payload = json.dumps(result).encode("utf-8")
            except (TypeError, ValueError) as e:
                raise _RuntimeError("Runtime.MarshalError", f"Unable to marshal response: {e}") from None
        except MemoryError:
            _end_of_output()
            sys.exit(OUT_OF_MEMORY_EXIT_CODE)
        except Exception as e:  # noqa: BLE001 - whatever the function raises is its error
            document = _error_document(e, _request_id)
            _log_error(document)
            _end_of_output()
            _post(f"invocation/{_request_id}/error", document, document["errorType"])
            continue
        _end_of_output()
        _post(f"invocation/{_request_id}/response", payload)


if __name__ == "__main__":
    main()
