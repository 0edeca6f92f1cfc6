namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record PutFunctionConcurrencyRequest
{
    public int? ReservedConcurrentExecutions { get; init; }
}
