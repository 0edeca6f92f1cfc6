using System.Text;
using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Variables;

/// <summary>
/// The variables of one graph run: the machine's own, or a Parallel branch's or Map iteration's, which reads its
/// outer scopes but whose assignments stay its own, so an outer variable is never changed from inside
/// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html, "Variable scope"). A state's
/// expressions all read the values from state entry; its assignments land when it exits (<see cref="Assign"/>).
/// Each value's size is kept beside it, so the execution-wide limit costs only the values being assigned.
/// </summary>
public sealed class VariableScope(VariableScope? parent = null) : IVariables
{
    private readonly Dictionary<string, (JsonNode? Value, long Bytes)> _values = new(StringComparer.Ordinal);
    private long _bytes;

    public VariableScope Child() => new(this);

    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._values.TryGetValue(name, out var entry))
            {
                value = entry.Value;
                return true;
            }
        }
        value = null;
        return false;
    }

    public IEnumerable<KeyValuePair<string, JsonNode?>> All
    {
        get
        {
            var seen = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                foreach (var (name, entry) in scope._values)
                {
                    seen.TryAdd(name, entry.Value);
                }
            }
            return seen;
        }
    }

    private VariableScope? Parent { get; } = parent;

    /// <summary>
    /// Applies a state's assignments. AWS caps the variables one execution holds at 10 MiB in total
    /// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html, "Variable limits"); every scope
    /// on the way to the machine's counts, an inner copy of an outer name included, as each is held.
    /// </summary>
    public void Assign(IReadOnlyDictionary<string, JsonNode?> assigned, string stateName)
    {
        // Checked before anything changes, so a refused assignment leaves every variable as it was.
        var sized = assigned.ToDictionary(a => a.Key, a => (a.Value, Bytes: (long)Encoding.UTF8.GetByteCount(a.Key) + VariableLimits.Size(a.Value)), StringComparer.Ordinal);
        var delta = sized.Sum(a => a.Value.Bytes - (_values.TryGetValue(a.Key, out var old) ? old.Bytes : 0));
        var total = delta;
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            total += scope._bytes;
        }
        if (total > VariableLimits.MaxTotalBytes)
        {
            throw new StatesFailureException(StatesErrors.DataLimitExceeded,
                $"The state/task '{stateName}' assigned variables whose total size exceeds the maximum of {VariableLimits.MaxTotalBytes} bytes per execution.");
        }
        foreach (var (name, entry) in sized)
        {
            _values[name] = entry;
        }
        _bytes += delta;
    }

    /// <summary>This scope's own variables as one JSON object (the checkpoint of a durable execution keeps them).</summary>
    public string? ToJson()
    {
        if (_values.Count == 0)
        {
            return null;
        }
        var obj = new JsonObject();
        foreach (var (name, entry) in _values)
        {
            obj[name] = entry.Value?.DeepClone();
        }
        return obj.ToJsonString();
    }

    public static VariableScope FromJson(string? json)
    {
        var scope = new VariableScope();
        if (json is not null && JsonNode.Parse(json) is JsonObject obj)
        {
            scope.Assign(obj.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal), "(restored)");
        }
        return scope;
    }
}
