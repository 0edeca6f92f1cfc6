using System.Globalization;
using System.Text.Json.Nodes;
using Jsonata;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Asl.Jsonata;

/// <summary>
/// What a JSONata expression of one state sees: the reserved $states ({input, result, errorOutput, context}) and the
/// workflow variables as they were when the state was entered
/// (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html#reserved-variable-states). The bindings
/// are converted once per environment and shared by every expression of the phase.
/// </summary>
public sealed class StatesEnvironment
{
    /// <summary>Ours: AWS documents no budget, but an expression that never ends must not hang an execution.</summary>
    public static readonly TimeSpan EvaluationBudget = TimeSpan.FromSeconds(10);

    private const int MaxDepth = 2_000;

    private readonly IStateScope _scope;
    private readonly JsonNode? _input;
    private readonly JsonNode? _result;
    private readonly bool _hasResult;
    private readonly JsonNode? _errorOutput;
    private readonly bool _hasErrorOutput;
    private readonly JsonObject? _context;
    private Dictionary<string, object?>? _bindings;
    private bool _bindingsHaveContext;
    private bool _bindingsHaveInput;

    private StatesEnvironment(IStateScope scope, JsonNode? input, JsonNode? result, bool hasResult, JsonNode? errorOutput, bool hasErrorOutput, JsonObject? context)
    {
        _scope = scope;
        _input = input;
        _result = result;
        _hasResult = hasResult;
        _errorOutput = errorOutput;
        _hasErrorOutput = hasErrorOutput;
        _context = context;
    }

    /// <summary>$states.input only (Arguments, Items, a Choice Condition…); <paramref name="context"/> replaces the state's context object (a Map item's).</summary>
    public static StatesEnvironment ForInput(IStateScope scope, JsonNode? input, JsonObject? context = null)
        => new(scope, input, null, false, null, false, context);

    public StatesEnvironment WithResult(JsonNode? result) => new(_scope, _input, result, true, null, false, _context);

    public StatesEnvironment WithErrorOutput(JsonNode? errorOutput) => new(_scope, _input, null, false, errorOutput, true, _context);

    public JsonNode? Input => _input;

    internal object Evaluate(JsonataExpression expression, string text, string field, bool readsContext, bool readsInput = true)
    {
        object? value;
        try
        {
            value = expression.EvaluateValue(null, new EvaluationOptions
            {
                Bindings = Bindings(readsContext, readsInput),
                TimeProvider = _scope.Time,
                MaxDepth = MaxDepth,
                Timeout = EvaluationBudget,
            });
        }
        catch (JsonataException e)
        {
            throw Failure(field, $"The JSONata expression '{text}' specified for the field '{field}' threw an error during evaluation: {e.Code}: {e.Message}");
        }
        return value switch
        {
            null => throw Failure(field, $"The JSONata expression '{text}' specified for the field '{field}' returned nothing (undefined)."),
            JFunction => throw Failure(field, $"The JSONata expression '{text}' specified for the field '{field}' returned an unsupported result type (a function)."),
            _ => value,
        };
    }

    /// <summary>A numeric field (Wait Seconds, Map limits, task timeouts): a JSON number that <paramref name="accepts"/>, else the type error naming <paramref name="expected"/>.</summary>
    public double Number(JsonataTemplate template, string field, string expected, Func<double, bool> accepts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(accepts);
        var value = template.Evaluate(this);
        return value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number && JsonNumbers.TryGetDouble(value, out var n) && accepts(n)
            ? n
            : throw TypeError(template, field, expected, value);
    }

    /// <summary>A value of the wrong type for its field (a string for TimeoutSeconds…).</summary>
    public StatesFailureException TypeError(JsonataTemplate template, string field, string expected, JsonNode? value)
        => Failure(field, $"The JSONata expression '{template.Text}' specified for the field '{field}' returned an unexpected result type. "
            + $"Expected '{expected}', but was '{JsonType(value)}' for value: {value?.ToJsonString() ?? "null"}");

    /// <summary>
    /// States.QueryEvaluationError with the cause AWS writes; seen in a real execution:
    /// "An error occurred while executing the state 'X' (entered at the event id #6). The JSONata expression
    /// '$states.input.pushLocation' specified for the field 'Arguments/Input/pushLocation' returned nothing (undefined)."
    /// </summary>
    public StatesFailureException Failure(string field, string message)
        => new(StatesErrors.QueryEvaluationError,
            $"An error occurred while executing the state '{_scope.StateName}' (entered at the event id #{_scope.EnteredEventId.ToString(CultureInfo.InvariantCulture)}). {message}")
        {
            EvaluationLocation = field,
        };

    private Dictionary<string, object?> Bindings(bool readsContext, bool readsInput)
    {
        if (_bindings is not null && (_bindingsHaveContext || !readsContext) && (_bindingsHaveInput || !readsInput))
        {
            return _bindings;
        }
        // Rebuilt for an expression that reads more than the last one: keep what the last one had.
        readsContext |= _bindings is not null && _bindingsHaveContext;
        readsInput |= _bindings is not null && _bindingsHaveInput;
        var states = new JObject();
        if (readsInput)
        {
            states["input"] = JsonataValues.FromJson(_input);
        }
        if (_hasResult)
        {
            states["result"] = JsonataValues.FromJson(_result);
        }
        if (_hasErrorOutput)
        {
            states["errorOutput"] = JsonataValues.FromJson(_errorOutput);
        }
        if (readsContext)
        {
            states["context"] = JsonataValues.FromJson(_context ?? _scope.Context);
        }
        var bindings = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in _scope.Variables.All)
        {
            bindings[name] = JsonataValues.FromJson(value);
        }
        bindings["states"] = states;
        _bindings = bindings;
        _bindingsHaveContext = readsContext;
        _bindingsHaveInput = readsInput;
        return bindings;
    }

    private static string JsonType(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => "number",
            _ => "boolean",
        },
        _ => "unknown",
    };
}
