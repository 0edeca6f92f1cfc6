namespace JobOrchestration.Functions.Jobs;

/// <summary>
/// Synchronous (RequestResponse) invocation of another function. Returns the response payload; a function error
/// (the callee threw) surfaces as <see cref="JobApiFailed"/>.
/// </summary>
public interface IFunctionInvoker
{
    Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken);
}
