#!/usr/bin/env python3
"""Writes the response shapes TestState checks a mocked result against (mock.fieldValidationMode).

LocalCloud embeds only what it needs from the AWS API models (../shared/data/aws-api-models): the output shape of
each integration it serves, and every shape reachable from it, stripped to what validation reads (type, members,
required, list member, map key/value, enum, min, max). tests/LocalCloud.StepFunctions.Tests checks that the embedded
file is what this script writes from the models, so a models update shows up as a failing test.

usage: scripts/generate-mock-response-shapes.py MODELS_DIR OUTPUT_FILE
"""
import json
import sys

# Task resource (service:action) -> (model file, operation) whose output shape the mocked result must match.
INTEGRATIONS = {
    "lambda:invoke": ("lambda", "Invoke"),
    "dynamodb:getItem": ("dynamodb", "GetItem"),
    "dynamodb:putItem": ("dynamodb", "PutItem"),
    "dynamodb:updateItem": ("dynamodb", "UpdateItem"),
    "dynamodb:deleteItem": ("dynamodb", "DeleteItem"),
}
KEPT = ("type", "required", "enum", "min", "max")


def main(models_dir, output):
    shapes = {}
    roots = {}
    for resource, (service, operation) in INTEGRATIONS.items():
        model = json.load(open(f"{models_dir}/{service}.json", encoding="utf-8"))
        root = model["operations"][operation]["output"]["shape"]
        roots[resource] = f"{service}.{root}"
        pending = [root]
        while pending:
            name = pending.pop()
            key = f"{service}.{name}"
            if key in shapes:
                continue
            shape = model["shapes"][name]
            kept = {k: shape[k] for k in KEPT if k in shape}
            if "members" in shape:
                kept["members"] = {m: f"{service}.{ref['shape']}" for m, ref in shape["members"].items()}
                pending.extend(ref["shape"] for ref in shape["members"].values())
            for part in ("member", "key", "value"):
                if part in shape:
                    kept[part] = f"{service}.{shape[part]['shape']}"
                    pending.append(shape[part]["shape"])
            shapes[key] = kept
    document = {"integrations": roots, "shapes": dict(sorted(shapes.items()))}
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        json.dump(document, f, indent=1, sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
