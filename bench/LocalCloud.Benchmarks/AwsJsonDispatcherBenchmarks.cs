using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LocalCloud.Core;
using LocalCloud.Core.Protocols;

namespace LocalCloud.Benchmarks;

/// <summary>The awsJson1.0 dispatcher alone: target lookup, request deserialisation, response serialisation, error shape.</summary>
[MemoryDiagnoser]
public class AwsJsonDispatcherBenchmarks
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    private AwsJsonDispatcher _dispatcher = null!;
    private ServiceRequest _ok = null!;
    private ServiceRequest _unknown = null!;
    private ServiceRequest _failing = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dispatcher = new AwsJsonDispatcher("Bench", "com.amazonaws.bench", Options)
            .Add<EchoRequest, EchoResponse>("Echo", (r, _, _) => Task.FromResult(new EchoResponse(r.TaskToken, r.Output.Length)))
            .Add<EchoRequest, EchoResponse>("Fail", (_, _, _) => throw new AwsServiceException("TaskDoesNotExist", "no such task"));
        const string body = """{"taskToken":"AAAAKgAAAAIAAAAAAAAAAbench-token-0123456789","output":"{\"jobId\":\"job-1\",\"status\":\"COMPLETED\"}"}""";
        _ok = AwsJsonRequests.Create("Bench.Echo", body);
        _failing = AwsJsonRequests.Create("Bench.Fail", body);
        _unknown = AwsJsonRequests.Create("Bench.Nope", body);
    }

    [Benchmark(Baseline = true)]
    public Task<ServiceResponse> Dispatch() => _dispatcher.DispatchAsync(_ok, CancellationToken.None);

    [Benchmark]
    public Task<ServiceResponse> DispatchAwsError() => _dispatcher.DispatchAsync(_failing, CancellationToken.None);

    [Benchmark]
    public Task<ServiceResponse> DispatchUnknownOperation() => _dispatcher.DispatchAsync(_unknown, CancellationToken.None);

    public sealed record EchoRequest(string TaskToken, string Output);

    public sealed record EchoResponse(string TaskToken, int OutputLength);
}
