using System.Text;
using System.Text.Json.Nodes;

namespace LocalCloud.StepFunctions.Asl.Variables;

/// <summary>
/// The variables of one graph run: the machine's own, or a Parallel branch's or Map iteration's, which reads its
/// outer scopes but whose assignments stay its own, so an outer variable is never changed from inside
/// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html, "Variable scope"). A state's
/// expressions all read the values from state entry; its assignments land when it exits (<see cref="Assign"/>).
/// </summary>
public sealed class VariableScope(VariableScope? parent = null) : IVariables
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    public VariableScope Child() => new(this);

    public bool TryGet(string name, out JsonNode? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._values.TryGetValue(name, out value))
            {
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
                foreach (var (name, value) in scope._values)
                {
                    seen.TryAdd(name, value);
                }
            }
            return seen;
        }
    }

    public bool IsEmpty => _values.Count == 0 && (Parent is null || Parent.IsEmpty);

    private VariableScope? Parent { get; } = parent;

    /// <summary>
    /// Applies a state's assignments. AWS caps the variables one execution holds at 10 MiB in total
    /// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html, "Variable limits").
    /// </summary>
    public void Assign(IReadOnlyDictionary<string, JsonNode?> assigned, string stateName)
    {
        // Checked before anything changes, so a refused assignment leaves every variable as it was.
        var total = 0L;
        foreach (var (name, value) in All)
        {
            total += Encoding.UTF8.GetByteCount(name) + VariableLimits.Size(assigned.TryGetValue(name, out var replaced) ? replaced : value);
        }
        foreach (var (name, value) in assigned)
        {
            total += TryGet(name, out _) ? 0 : Encoding.UTF8.GetByteCount(name) + VariableLimits.Size(value);
        }
        if (total > VariableLimits.MaxTotalBytes)
        {
            throw new StatesFailureException(StatesErrors.DataLimitExceeded,
                $"The state/task '{stateName}' assigned variables whose total size exceeds the maximum of {VariableLimits.MaxTotalBytes} bytes per execution.");
        }
        foreach (var (name, value) in assigned)
        {
            _values[name] = value;
        }
    }

    /// <summary>This scope's own variables as one JSON object (the checkpoint of a durable execution keeps them).</summary>
    public string? ToJson()
    {
        if (_values.Count == 0)
        {
            return null;
        }
        var obj = new JsonObject();
        foreach (var (name, value) in _values)
        {
            obj[name] = value?.DeepClone();
        }
        return obj.ToJsonString();
    }

    public static VariableScope FromJson(string? json)
    {
        var scope = new VariableScope();
        if (json is not null && JsonNode.Parse(json) is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                scope._values[name] = value?.DeepClone();
            }
        }
        return scope;
    }
}
