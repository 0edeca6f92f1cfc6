using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>GET /2015-03-31/functions/{FunctionName} (https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html).</summary>
internal sealed class GetFunction(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var resolved = state.Resolve(FunctionReference.Parse(path.GetValueOrDefault("FunctionName"), request.Context, request.Query.GetValueOrDefault("Qualifier")));
        var function = resolved.Target;
        var latest = resolved.Latest;
        var baseUrl = state.Options.RuntimeApiBaseUrl().ToString().TrimEnd('/');
        // AWS answers a presigned S3 URL; LocalCloud serves the stored zip itself (see LambdaService.CodePathPrefix).
        var location = $"{baseUrl}{LambdaService.CodePathPrefix}{function.AccountId}/{function.Region}/{function.FunctionName}/{Uri.EscapeDataString(function.RevisionId)}.zip";
        var response = new GetFunctionResponse(
            ConfigurationMapper.ToConfiguration(function, resolved.Arn),
            new FunctionCodeLocation("S3", location),
            latest.Tags.Count == 0 ? null : latest.Tags,
            latest.ReservedConcurrentExecutions is { } reserved ? new ConcurrencyShape(reserved) : null);
        return Task.FromResult(LambdaJson.Write(200, response));
    }
}
