using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

internal sealed record PutFunctionConcurrencyRequest
{
    public int? ReservedConcurrentExecutions { get; init; }
}
