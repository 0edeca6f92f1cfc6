using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Jsonata;

/// <summary>Limits and bindings for one evaluation.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Maximum nesting of evaluation steps (the reference's <c>stack</c> option); 0 = only the machine stack guard.</summary>
    public int MaxDepth { get; init; }

    /// <summary>Wall-clock budget for the evaluation (the reference's <c>timeout</c> option); null = none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Variables visible as <c>$name</c>, in the engine's value model or as <see cref="JsonNode"/>.</summary>
    public IReadOnlyDictionary<string, object?>? Bindings { get; init; }

    /// <summary>The clock <c>$now()</c> and <c>$millis()</c> read.</summary>
    public TimeProvider? TimeProvider { get; init; }
}

/// <summary>
/// A compiled JSONata expression: parse once, evaluate many times from any thread. Values inside the engine are
/// C# null (undefined), <see cref="JNull"/>, double, string, bool, <see cref="JList"/>, <see cref="JObject"/> and
/// <see cref="JFunction"/>; <see cref="Evaluate(JsonNode?, EvaluationOptions?)"/> converts from and to System.Text.Json.
/// </summary>
public sealed class JsonataExpression
{
    private static readonly Frame StaticFrame = CreateStaticFrame();

    private readonly Node _ast;
    private readonly Frame _environment;

    private JsonataExpression(Node ast, Frame environment)
    {
        _ast = ast;
        _environment = environment;
    }

    private static Frame CreateStaticFrame()
    {
        var frame = new Frame(null);
        foreach (var (name, function) in Functions.BuiltIns)
        {
            frame.Bind(name, function);
        }

        return frame;
    }

    /// <summary>Parses <paramref name="expression"/>; throws <see cref="JsonataException"/> (S0xxx) on a syntax error.</summary>
    public static JsonataExpression Compile(string expression) => Compile(expression, JsonataDialect.Current);

    /// <summary>Parses <paramref name="expression"/> as the language of <paramref name="dialect"/>.</summary>
    public static JsonataExpression Compile(string expression, JsonataDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new JsonataExpression(Parser.Parse(expression, dialect), StaticFrame);
    }

    /// <summary>A copy with a C# function bound as <c>$name</c>; <paramref name="signature"/> is a reference-style signature such as <c>&lt;s-n?:s&gt;</c>.</summary>
    public JsonataExpression WithFunction(string name, string? signature, Func<CallContext, object?[], object?> implementation, int arity = -1)
    {
        var function = new NativeFunction(signature, arity >= 0 ? arity : CountParams(signature), implementation);
        return WithBinding(name, function);
    }

    /// <summary>A copy with <c>$name</c> bound to a value of the engine's model (or a <see cref="JsonNode"/>).</summary>
    public JsonataExpression WithBinding(string name, object? value)
    {
        var frame = new Frame(_environment);
        frame.Bind(name, ToValue(value));
        return new JsonataExpression(_ast, frame);
    }

    private static int CountParams(string? signature)
    {
        if (signature is null)
        {
            return 0;
        }

        var count = 0;
        var depth = 0;
        foreach (var c in signature.TakeWhile(c => c != ':'))
        {
            if (c is '<' or '(')
            {
                depth++;
            }
            else if (c is '>' or ')')
            {
                depth--;
            }
            else if (depth == 1 && char.IsAsciiLetter(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Evaluates over a JSON input; an undefined result comes back as C# null, like JSON null.</summary>
    public JsonNode? Evaluate(JsonNode? input, EvaluationOptions? options = null) =>
        JsonText.ToNode(EvaluateValue(JsonText.FromNode(input), options));

    /// <summary>Evaluates over a value of the engine's model (C# null = undefined input).</summary>
    public object? EvaluateValue(object? input, EvaluationOptions? options = null)
    {
        var state = new EvalState
        {
            MaxDepth = options?.MaxDepth ?? 0,
            StartTicks = Stopwatch.GetTimestamp(),
            TimeoutTicks = options?.Timeout is { } t ? (long)(t.TotalSeconds * Stopwatch.Frequency) : 0,
            Time = options?.TimeProvider ?? TimeProvider.System,
        };
        state.Timestamp = state.Time.GetUtcNow().ToUnixTimeMilliseconds();

        var exec = new Frame(_environment) { Base = state };
        if (options?.Bindings is { } bindings)
        {
            foreach (var (name, value) in bindings)
            {
                exec.Bind(name, ToValue(value));
            }
        }

        exec.Bind("$", input);
        if (input is JList { Sequence: false } array)
        {
            input = new JList { array };
            ((JList)input).Sequence = true;
            ((JList)input).OuterWrapper = true;
        }

        try
        {
            return Evaluator.Instance.Evaluate(_ast, input, exec);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new JsonataException("D1011", "Stack overflow. Check for non-terminating recursive function.  Consider rewriting as tail-recursive");
        }
    }

    private static object? ToValue(object? value) => value switch
    {
        JsonNode node => JsonText.FromNode(node),
        int i => (double)i,
        long l => (double)l,
        float f => (double)f,
        decimal m => (double)m,
        _ => value,
    };
}
