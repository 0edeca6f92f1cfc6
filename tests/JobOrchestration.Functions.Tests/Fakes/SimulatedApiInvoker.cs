using JobOrchestration.Functions.Jobs;

namespace JobOrchestration.Functions.Tests.Fakes;

/// <summary>
/// Lambda Invoke of poc-simulated-api, in process: the payload goes through the real handler's Stream interface, and a
/// thrown error becomes a function error, as Lambda reports it.
/// </summary>
internal sealed class SimulatedApiInvoker(SimulatedApiFunction function) : IFunctionInvoker
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> functionNames = new();

    public IReadOnlyList<string> FunctionNames => [.. functionNames];

    public async Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        functionNames.Enqueue(functionName);
        try
        {
            await using var output = await function.HandleAsync(new MemoryStream(payload));
            using var copy = new MemoryStream();
            await output.CopyToAsync(copy, cancellationToken);
            return copy.ToArray();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new JobApiFailed($"{functionName} failed: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
