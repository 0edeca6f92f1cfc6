using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using LocalCloud.StepFunctions.Asl.JsonPath;

namespace LocalCloud.Benchmarks;

/// <summary>ASL JSONPath: parsing a path and selecting with it (every InputPath, OutputPath, Choice Variable).</summary>
[MemoryDiagnoser]
public class JsonPathBenchmarks
{
    private const string DefinitePath = "$.job.result.items[2].value";
    private const string WildcardPath = "$.job.result.items[*].value";

    private readonly JsonNode _document = JsonNode.Parse("""
        {"job":{"jobId":"job-1","status":"COMPLETED","attempts":3,
          "result":{"items":[{"value":1},{"value":2},{"value":3},{"value":4}],"summary":"ok"}},
         "scenario":"complete","maxAttempts":10}
        """)!;

    private JsonPathExpression _definite = null!;
    private JsonPathExpression _wildcard = null!;

    [GlobalSetup]
    public void Setup()
    {
        _definite = JsonPathExpression.Parse(DefinitePath);
        _wildcard = JsonPathExpression.Parse(WildcardPath);
    }

    [Benchmark]
#pragma warning disable CA1822 // BenchmarkDotNet runs instance methods.
    public JsonPathExpression? ParseDefinite() => JsonPathExpression.TryParse(DefinitePath, out var path, out _) ? path : null;
#pragma warning restore CA1822

    [Benchmark]
    public JsonNode? SelectDefinite() => _definite.TrySelect(_document, out var value) ? value : null;

    [Benchmark]
    public JsonNode? SelectWildcard() => _wildcard.TrySelect(_document, out var value) ? value : null;
}
