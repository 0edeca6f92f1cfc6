using LocalCloud.Lambda.Api.Operations;

namespace LocalCloud.Lambda.Api.Shapes;

/// <summary>Concurrency (PutFunctionConcurrency's answer, GetFunction's Concurrency) and GetFunctionConcurrencyResponse.</summary>
internal sealed record ConcurrencyShape(int? ReservedConcurrentExecutions);
