import json
import os
import sys
import time
import urllib.request


def lambda_handler(event, context):
    action = event.get("action")
    if action == "echo":
        return {
            "action": action,
            "value": event.get("value"),
            "functionName": context.function_name,
            "functionVersion": context.function_version,
            "memoryLimitInMB": str(context.memory_limit_in_mb),
            "hasRequestId": bool(context.aws_request_id),
            "remainingPositive": context.get_remaining_time_in_millis() > 0,
            "variable": os.environ.get("PROBE_VAR"),
        }
    if action == "throw":
        raise Exception(f"probe failure: {event.get('value')}")
    if action == "hang":
        while True:
            time.sleep(1)
    if action == "exit":
        sys.exit(3)
    if action == "log":
        print("probe-stdout")
        print("probe-stderr", file=sys.stderr)
        return "logged"
    if action == "signal":
        url = os.environ["AWS_ENDPOINT_URL"] + "/_test/signal"
        request = urllib.request.Request(url, data=json.dumps(event.get("value")).encode(), method="POST")
        urllib.request.urlopen(request).read()
        return "signalled"
    raise Exception(f"unknown action {action}")
