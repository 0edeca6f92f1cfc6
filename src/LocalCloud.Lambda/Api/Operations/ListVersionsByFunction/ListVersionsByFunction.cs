using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// GET /2015-03-31/functions/{FunctionName}/versions (https://docs.aws.amazon.com/lambda/latest/api/API_ListVersionsByFunction.html):
/// $LATEST first, then the published versions in order, each with its qualified ARN.
/// </summary>
internal sealed class ListVersionsByFunction(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var latest = state.Require(path, request);
        IReadOnlyList<FunctionRecord> all = [latest, .. state.Versions.Versions(latest.AccountId, latest.Region, latest.FunctionName)];
        var (page, next) = ListPage.Of(all, v => v.Version, request.Query);
        var configurations = page.Select(v => ConfigurationMapper.ToConfiguration(v, v.Version == FunctionVersions.Latest ? $"{v.FunctionArn}:{v.Version}" : null)).ToList();
        return Task.FromResult(LambdaJson.Write(200, new ListVersionsByFunctionResponse(configurations, next)));
    }
}
