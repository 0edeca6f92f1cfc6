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
    private readonly JsonPathDataFlow _flow = JsonPathDataFlow.Instance;
    private readonly JsonNode _input = JsonNode.Parse("""{"jobName":"bench","scenario":"complete","checksToComplete":2,"maxAttempts":10,"taskTimeoutSeconds":3900}""")!;
    private readonly JsonNode _result = JsonNode.Parse("""{"jobId":"job-1","status":"COMPLETED","result":{"value":42},"attempts":2}""")!;
    private readonly JsonObject _context = new()
    {
        ["Execution"] = new JsonObject { ["Id"] = "arn:aws:states:us-east-1:000000000000:execution:poc-callback-workflow:bench", ["Name"] = "bench" },
        ["Task"] = new JsonObject { ["Token"] = "AAAAKgAAAAIAAAAAAAAAAbench-token" },
    };

    private StateDataFields _parameters = null!;
    private StateDataFields _resultPath = null!;

    [GlobalSetup]
    public void Setup()
    {
        _parameters = StateDataFields.Default with
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

        _resultPath = StateDataFields.Default with { ResultPath = resultPath };
    }

    [Benchmark]
    public JsonNode? ApplyParameters() => _flow.ApplyParameters(_parameters, _input, _context);

    [Benchmark]
    public JsonNode? MergeResultPath() => _flow.MergeResult(_resultPath, _input, _result);

    [Benchmark]
    public JsonNode? FullTaskDataFlow()
    {
        var effective = _flow.ApplyParameters(_parameters, _flow.SelectInput(_parameters, _input), _context);
        return _flow.SelectOutput(_resultPath, _flow.MergeResult(_resultPath, _input, _result)) ?? effective;
    }
}
