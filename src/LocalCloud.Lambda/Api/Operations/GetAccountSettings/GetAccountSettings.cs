using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// GET /2016-08-19/account-settings (https://docs.aws.amazon.com/lambda/latest/api/API_GetAccountSettings.html):
/// AWS's default quotas, and usage from the caller's functions in this Region.
/// </summary>
internal sealed class GetAccountSettings(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var functions = state.Store.List(request.Context.AccountId, request.Context.Region);
        var limit = new AccountLimit(
            AccountLimits.TotalCodeSize,
            CodePackage.MaxUnzippedBytes,
            AccountLimits.CodeSizeZipped,
            AccountLimits.ConcurrentExecutions,
            AccountLimits.ConcurrentExecutions - AccountLimits.Reserved(functions));
        var usage = new AccountUsage(functions.Sum(f => f.Code.Size), functions.Count);
        return Task.FromResult(LambdaJson.Write(200, new GetAccountSettingsResponse(limit, usage)));
    }
}
