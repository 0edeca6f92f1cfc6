
namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record AccountLimit(long TotalCodeSize, long CodeSizeUnzipped, long CodeSizeZipped, int ConcurrentExecutions, int UnreservedConcurrentExecutions);
