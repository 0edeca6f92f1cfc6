using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Definition;

public sealed partial class AslParser
{
    /// <summary>
    /// Every target must exist and every state be reachable from StartAt. AWS says "Missing 'Next'
    /// target" for StartAt, Choices, Default and Catch targets alike.
    /// </summary>
    private void CheckTransitions(string startAt, JsonObject states, string prefix)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!states.ContainsKey(startAt))
        {
            _errors.Add($"MISSING_TRANSITION_TARGET: Missing 'Next' target: {startAt} at {prefix}/StartAt");
        }
        foreach (var (name, node) in states)
        {
            var targets = edges[name] = [];
            var obj = (JsonObject)node!;
            void Target(string? target, string at)
            {
                if (target is null)
                {
                    return;
                }
                if (!states.ContainsKey(target))
                {
                    _errors.Add($"MISSING_TRANSITION_TARGET: Missing 'Next' target: {target} at {prefix}/States/{name}{at}");
                }
                targets.Add(target);
            }
            Target(Text(obj["Next"]), "/Next");
            Target(Text(obj["Default"]), "/Default");
            if (obj["Choices"] is JsonArray choices)
            {
                for (var i = 0; i < choices.Count; i++)
                {
                    Target(Text(choices[i]?["Next"]), $"/Choices[{i}]/Next");
                }
            }
            if (obj["Catch"] is JsonArray catchers)
            {
                for (var i = 0; i < catchers.Count; i++)
                {
                    Target(Text(catchers[i]?["Next"]), $"/Catch[{i}]/Next");
                }
            }
        }
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([startAt]);
        while (pending.TryPop(out var current))
        {
            if (edges.TryGetValue(current, out var targets) && reached.Add(current))
            {
                targets.ForEach(pending.Push);
            }
        }
        // A loop with no way out (no End, Succeed or Fail anywhere) can never finish: AWS's MISSING_END_STATE
        // (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinitionDiagnostic.html).
        if (_errors.Count == 0 && !states.Any(s => s.Value is JsonObject o && (o["End"] is JsonNode e && e.GetValueKind() == JsonValueKind.True || Text(o["Type"]) is "Succeed" or "Fail")))
        {
            _errors.Add($"MISSING_END_STATE: Workflow has no terminal state at {prefix}/States");
        }
        foreach (var (name, _) in states)
        {
            if (!reached.Contains(name))
            {
                _errors.Add($"MISSING_TRANSITION_TARGET: State \"{name}\" is not reachable. at {prefix}/States/{name}");
            }
        }
    }

    private static string? Text(JsonNode? node)
        => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
