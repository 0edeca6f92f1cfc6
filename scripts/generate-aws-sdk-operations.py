#!/usr/bin/env python3
"""Writes the operation table LocalCloud's in-process AWS SDK calls use (aws-sdk:* tasks, Scheduler universal targets).

A task or a universal target names an API action and gives its request as the SDK's PascalCase members; LocalCloud
calls the hosted service's own dispatcher with the wire request. For the awsJson services (sfn, dynamodb) that is the
operation name and the JSON body. For the restJson services (lambda, scheduler) it also takes, per operation, the HTTP
method, the URI template and where each member travels (uri, querystring, header, payload), and for the response
which members come from headers or the status code. Step Functions' wire members are camelCase, so the table also
names the members whose value is a map (their keys are the user's, never re-cased). It names each service's timestamp
members too, which the response carries as epoch milliseconds, as the Java SDK behind Step Functions writes them.

The product embeds the file this script writes and never reads ../shared at run time;
tests/LocalCloud.Tests checks that the embedded file is what this script writes from the models.

usage: scripts/generate-aws-sdk-operations.py MODELS_DIR OUTPUT_FILE
"""
import json
import sys

# The service name as an aws-sdk Resource spells it -> the model file.
SERVICES = {"sfn": "stepfunctions", "lambda": "lambda", "dynamodb": "dynamodb", "scheduler": "scheduler"}


def located(shape):
    """The members of a structure that do not travel in the JSON body: name -> [location, wire name]."""
    out = {}
    for name, ref in shape.get("members", {}).items():
        location = ref.get("location")
        if location in ("uri", "querystring", "header"):
            out[name] = [location, ref.get("locationName", name)]
        elif location == "statusCode":
            out[name] = ["statusCode", ""]
    return dict(sorted(out.items()))


def payload(model, shape):
    """The member that is the whole body (restJson's payload trait), with whether it is a blob, or None."""
    name = shape.get("payload")
    if name is None:
        return None
    target = model["shapes"][shape["members"][name]["shape"]]
    return [name, target["type"] == "blob"]


def main(models_dir, output):
    services = {}
    for service, file in SERVICES.items():
        model = json.load(open(f"{models_dir}/{file}.json", encoding="utf-8"))
        metadata = model["metadata"]
        entry = {"protocol": metadata["protocol"]}
        if metadata["protocol"] == "json":
            entry["targetPrefix"] = metadata["targetPrefix"]
            entry["jsonVersion"] = metadata["jsonVersion"]
        operations = {}
        for name, operation in sorted(model["operations"].items()):
            op = {}
            if metadata["protocol"] == "rest-json":
                op["method"] = operation["http"]["method"]
                op["uri"] = operation["http"]["requestUri"]
                for part in ("input", "output"):
                    if part not in operation:
                        continue
                    shape = model["shapes"][operation[part]["shape"]]
                    members = located(shape)
                    if members:
                        op[part] = members
                    body = payload(model, shape)
                    if body is not None:
                        op[part + "Payload"] = body
            operations[name] = op
        entry["operations"] = operations
        members = [(m, ref) for shape in model["shapes"].values() for m, ref in shape.get("members", {}).items()]
        # Only Step Functions' wire members are camelCase; the SDK's are PascalCase everywhere.
        if all(m[0].islower() for m, _ in members):
            entry["camelCaseMembers"] = sorted({m for m, ref in members if model["shapes"][ref["shape"]]["type"] == "map"})
        # The wire writes timestamps as epoch seconds; the SDK behind Step Functions as epoch milliseconds.
        entry["timestampMembers"] = sorted({m for m, ref in members if model["shapes"][ref["shape"]]["type"] == "timestamp"})
        services[service] = entry
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        json.dump({"services": services}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
