namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record GetFunctionResponse(FunctionConfiguration Configuration, FunctionCodeLocation Code, IReadOnlyDictionary<string, string>? Tags, ConcurrencyShape? Concurrency);
