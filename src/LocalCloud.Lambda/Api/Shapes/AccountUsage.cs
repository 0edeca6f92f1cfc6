
namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record AccountUsage(long TotalCodeSize, long FunctionCount);
