// Part of a C# port of jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT, © IBM Corp. 2016, 2018).
using System.Text.RegularExpressions;

namespace Jsonata;

/// <summary>JSON <c>null</c>: distinct from C# <c>null</c>, which stands for JSONata's <c>undefined</c>.</summary>
public sealed class JNull
{
    public static readonly JNull Value = new();

    private JNull()
    {
    }

    public override string ToString() => "null";
}

/// <summary>
/// A JSON array or a JSONata sequence. The flags are the properties the reference hangs on its JS arrays:
/// they drive singleton unwrapping and flattening, so every place that creates a list decides them as the reference does.
/// </summary>
public sealed class JList : List<object?>
{
    public JList()
    {
    }

    public JList(int capacity)
        : base(capacity)
    {
    }

    public JList(IEnumerable<object?> items)
        : base(items)
    {
    }

    public bool Sequence { get; set; }

    public bool KeepSingleton { get; set; }

    public bool Cons { get; set; }

    public bool OuterWrapper { get; set; }

    public bool TupleStream { get; set; }

    internal static JList Seq() => new() { Sequence = true };

    internal static JList Seq(object? item)
    {
        var list = new JList { Sequence = true };
        list.Add(item);
        return list;
    }
}

/// <summary>A JSON object: keys keep their insertion order, as JavaScript objects do for string keys.</summary>
public sealed class JObject : OrderedDictionary<string, object?>
{
    public JObject()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>Any JSONata function value: a lambda, a built-in or C# function, a partial application, a regex matcher.</summary>
public abstract class JFunction
{
    internal Signature? Signature { get; init; }

    /// <summary>How many parameters the function declares (the reference's <c>getFunctionArity</c>).</summary>
    public abstract int Arity { get; }
}

internal sealed class Lambda : JFunction
{
    public required object? Input { get; init; }

    public required Frame Environment { get; init; }

    public required IReadOnlyList<Node> Arguments { get; init; }

    public required Node Body { get; init; }

    public bool Thunk { get; init; }

    public override int Arity => Arguments.Count;
}

/// <summary>The <c>this</c> a built-in sees: the evaluator, the calling frame and the context value.</summary>
public sealed class CallContext
{
    internal CallContext(Evaluator evaluator, Frame environment, object? input)
    {
        Evaluator = evaluator;
        Environment = environment;
        Input = input;
    }

    internal Evaluator Evaluator { get; }

    internal Frame Environment { get; }

    /// <summary>The context value (the reference's <c>this.input</c>).</summary>
    public object? Input { get; }

    /// <summary>Invokes a JSONata function value (for higher-order C# functions).</summary>
    public object? Apply(JFunction function, IReadOnlyList<object?> args) => Evaluator.Apply(function, [.. args], null, Environment);
}

/// <summary>A function implemented in C#, with an optional reference-style signature such as <c>&lt;s-n?:s&gt;</c>.</summary>
public sealed class NativeFunction : JFunction
{
    private readonly int _arity;

    public NativeFunction(string? signature, int arity, Func<CallContext, object?[], object?> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        Implementation = implementation;
        _arity = arity;
        Signature = signature is null ? null : Jsonata.Signature.Parse(signature);
    }

    internal NativeFunction(Signature signature, int arity, Func<CallContext, object?[], object?> implementation)
    {
        Implementation = implementation;
        _arity = arity;
        Signature = signature;
    }

    internal Func<CallContext, object?[], object?> Implementation { get; }

    public override int Arity => _arity;
}

/// <summary>A partial application of a built-in (<c>$substring(?, 0, 2)</c>): the reference calls the built-in without signature checks.</summary>
internal sealed class PartialNative : JFunction
{
    public required NativeFunction Target { get; init; }

    public required object?[] Bound { get; init; }

    public required bool[] Placeholder { get; init; }

    public override int Arity => Placeholder.Count(p => p);
}

/// <summary>A regex literal as a function of (string, fromIndex) returning a match object, as the reference's closure.</summary>
internal sealed class RegexMatcher : JFunction
{
    public required Regex Regex { get; init; }

    public required string Source { get; init; }

    public required int Position { get; init; }

    public override int Arity => 2;
}

/// <summary>The <c>next</c> of a match object: continues matching the same string from where the last match ended.</summary>
internal sealed class MatchContinuation : JFunction
{
    public required RegexMatcher Matcher { get; init; }

    public required string Input { get; init; }

    public required int From { get; init; }

    public override int Arity => 0;
}

/// <summary>A variable scope; the base frame of an evaluation carries its limits and counters.</summary>
internal sealed class Frame
{
    private Dictionary<string, object?>? _bindings;

    public Frame(Frame? parent)
    {
        Parent = parent;
        Base = parent?.Base;
    }

    public Frame? Parent { get; }

    public EvalState? Base { get; set; }

    public void Bind(string name, object? value) => (_bindings ??= new(StringComparer.Ordinal))[name] = value;

    public object? Lookup(string name)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame._bindings is not null && frame._bindings.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>Per-evaluation state: depth and time guards, the timestamp <c>$now()</c> reports.</summary>
internal sealed class EvalState
{
    public int Depth;
    public int MaxDepth;
    public long StartTicks;
    public long TimeoutTicks;
    public int Steps;
    public double Timestamp;
    public TimeProvider Time = TimeProvider.System;
}
