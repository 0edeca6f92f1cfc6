using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// GET /2015-03-31/functions/{FunctionName}/aliases?FunctionVersion=&amp;Marker=&amp;MaxItems=
/// (https://docs.aws.amazon.com/lambda/latest/api/API_ListAliases.html): aliases by name, optionally only those
/// pointing at one version.
/// </summary>
internal sealed class ListAliases(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var latest = state.Require(path, request);
        var version = request.Query.TryGetValue("FunctionVersion", out var v) ? AliasValidation.FunctionVersion(v) : null;
        var all = state.Versions.Aliases(latest.AccountId, latest.Region, latest.FunctionName)
            .Where(a => version is null || a.FunctionVersion == version)
            .ToList();
        var (page, next) = ListPage.Of(all, a => a.Name, request.Query);
        return Task.FromResult(LambdaJson.Write(200, new ListAliasesResponse(page.Select(AliasConfiguration.Of).ToList(), next)));
    }
}
