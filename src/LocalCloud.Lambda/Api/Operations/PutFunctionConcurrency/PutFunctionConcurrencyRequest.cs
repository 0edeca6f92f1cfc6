
namespace LocalCloud.Lambda.Api.Operations;

internal sealed record PutFunctionConcurrencyRequest
{
    public int? ReservedConcurrentExecutions { get; init; }
}
