using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Jsonata.Benchmarks;

/// <summary>Each case of cases.json compiled once and evaluated over the same data; node/bench.js times the same cases on jsonata 2.2.2.</summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    private static readonly JsonDocument Cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cases.json")));

    private JsonataExpression _expression = null!;
    private object? _data;

    public static IEnumerable<string> Names() => Cases.RootElement.GetProperty("cases").EnumerateObject().Select(p => p.Name);

    [ParamsSource(nameof(Names))]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _expression = JsonataExpression.Compile(Cases.RootElement.GetProperty("cases").GetProperty(Case).GetString()!);
        _data = Convert(Cases.RootElement.GetProperty("data"));
    }

    private static object? Convert(JsonElement element) =>
        JsonataExpression.Compile("$x").EvaluateValue(null, new EvaluationOptions
        {
            Bindings = new Dictionary<string, object?> { ["x"] = System.Text.Json.Nodes.JsonNode.Parse(element.GetRawText()) },
        });

    [Benchmark]
    public object? Evaluate() => _expression.EvaluateValue(_data);
}

/// <summary>Compile time of a typical Step Functions expression (the part inside <c>{% %}</c>).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
#pragma warning disable CA1822 // BenchmarkDotNet runs instance methods.
    [Benchmark]
    public JsonataExpression CompileStatesExpression() => JsonataExpression.Compile("$states.input.x + 1");

    [Benchmark]
    public JsonataExpression CompileArgumentsObject() =>
        JsonataExpression.Compile("{'orderId': $states.input.order.id, 'total': $sum($states.input.order.items.(price * qty))}");
#pragma warning restore CA1822
}
