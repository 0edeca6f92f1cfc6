using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Aws.Clients.Lambda;
using Poc.Cli.Deploy;

namespace Poc.Cli.Runs;

/// <summary>
/// Starts the Lambda workers a run will need before the run starts. A cold .NET worker takes seconds to start on a busy
/// machine; inside a run that delay lands in the scenarios' timings (state-timeout gives create-job 7.5 s) and in the
/// measured GB-seconds. Warm workers stay up for LocalCloud's idle timeout (5 minutes), so the whole demo reuses them.
/// </summary>
public static class FunctionWarmUp
{
    /// <summary>
    /// LocalCloud's default workers per function on this machine (LambdaOptions.MaxWorkersPerFunction, one per processor
    /// between 2 and 4): more invocations wait for one, so warming more would start none.
    /// </summary>
    public static int WorkersPerFunction { get; } = LocalCloud.Lambda.LambdaOptions.DefaultMaxWorkersPerFunction;

    /// <summary>Each function with a payload that runs its real start-up (constructor, AWS clients) and changes nothing.</summary>
    public static IReadOnlyList<(string Function, int Workers, string Payload)> Plan { get; } =
    [
        // Fails validation before doing anything: the constructor has built its Lambda and DynamoDB clients by then.
        (PocResources.CreateJobFunction, WorkersPerFunction, "{}"),
        // A conditional update on a job that does not exist: warms the DynamoDB path, answers UnknownJob, writes nothing.
        (PocResources.SimulatedApiFunction, WorkersPerFunction, """{"action":"CHECK_STATUS","jobId":"poc-warm-up"}"""),
        // A real sweep: with nothing pending it only queries status-index. The schedule's own sweeps need one worker.
        (PocResources.PollerFunction, 1, "{}"),
    ];

    /// <summary>Invokes every function of <see cref="Plan"/> as many times at once as it should have workers.</summary>
    public static async Task<WarmUpResult> RunAsync(LambdaClient lambda, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        var clock = Stopwatch.StartNew();
        var calls = Plan.SelectMany(p => Enumerable.Range(0, p.Workers).Select(_ => InvokeAsync(lambda, p.Function, p.Payload, ct)));
        var problems = (await Task.WhenAll(calls)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new WarmUpResult(Plan.Sum(p => p.Workers), clock.Elapsed, problems);
    }

    // Null when the worker answered (a handled error is an answer); otherwise what went wrong with the runtime.
    private static async Task<string?> InvokeAsync(LambdaClient lambda, string function, string payload, CancellationToken ct)
    {
        var response = await lambda.InvokeAsync(new InvokeRequest { FunctionName = function, Payload = Encoding.UTF8.GetBytes(payload) }, ct);
        if (response.FunctionError is null)
        {
            return null;
        }

        var errorType = ErrorType(response.Payload);
        // Runtime.* and Sandbox.* come from Lambda itself (the worker crashed, timed out, failed to start), not the handler.
        return errorType.StartsWith("Runtime.", StringComparison.Ordinal) || errorType.StartsWith("Sandbox.", StringComparison.Ordinal)
            ? $"{function}: {errorType}"
            : null;
    }

    private static string ErrorType(byte[] payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errorType", out var t) ? t.GetString() ?? "" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
