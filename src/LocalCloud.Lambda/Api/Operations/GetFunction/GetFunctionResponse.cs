using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

internal sealed record GetFunctionResponse(FunctionConfiguration Configuration, FunctionCodeLocation Code, IReadOnlyDictionary<string, string>? Tags, ConcurrencyShape? Concurrency);
