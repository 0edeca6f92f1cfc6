using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.JsonPath;

namespace LocalCloud.Benchmarks;

/// <summary>
/// A Task state's data flow as poc-callback-workflow runs it: Parameters with input and context paths and an
/// intrinsic, then ResultPath merging the result into the input.
/// </summary>
[MemoryDiagnoser]
public class DataFlowBenchmarks
{
    private readonly JsonNode _input = JsonNode.Parse("""{"jobName":"bench","scenario":"complete","checksToComplete":2,"maxAttempts":10,"taskTimeoutSeconds":3900}""")!;
    private readonly JsonNode _result = JsonNode.Parse("""{"jobId":"job-1","status":"COMPLETED","result":{"value":42},"attempts":2}""")!;
    private readonly JsonObject _context = new()
    {
        ["Execution"] = new JsonObject { ["Id"] = "arn:aws:states:us-east-1:000000000000:execution:poc-callback-workflow:bench", ["Name"] = "bench" },
        ["Task"] = new JsonObject { ["Token"] = "AAAAKgAAAAIAAAAAAAAAAbench-token" },
    };

    private JsonPathIo _parameters = null!;
    private JsonPathIo _resultPath = null!;
    private BenchScope _scope = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scope = new BenchScope(_context);
        _parameters = JsonPathIo.Default with
        {
            Parameters = JsonNode.Parse("""
                {"FunctionName":"poc-create-job","Payload":{"taskToken.$":"$$.Task.Token","executionId.$":"$$.Execution.Id","input.$":"$",
                 "scenario.$":"$.scenario","label.$":"States.Format('job {} of {}', $.jobName, $.scenario)"}}
                """),
        };
        if (!ReferencePath.TryParse("$.job", out var resultPath, out var error))
        {
            throw new InvalidOperationException(error);
        }

        _resultPath = JsonPathIo.Default with { ResultPath = resultPath };
    }

    [Benchmark]
    public JsonNode? ApplyParameters() => _parameters.Arguments(_scope, _input, _input);

    [Benchmark]
    public JsonNode? MergeResultPath() => _resultPath.Finish(_scope, _input, _result, ResultKind.Result).Output;

    [Benchmark]
    public JsonNode? FullTaskDataFlow()
    {
        var effective = _parameters.Arguments(_scope, _input, _parameters.SelectInput(_scope, _input));
        return _resultPath.Finish(_scope, _input, _result, ResultKind.Result).Output ?? effective;
    }
}
