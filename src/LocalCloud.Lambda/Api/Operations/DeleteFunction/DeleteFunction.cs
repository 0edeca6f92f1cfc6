using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// DELETE /2015-03-31/functions/{FunctionName}[?Qualifier=] (https://docs.aws.amazon.com/lambda/latest/api/API_DeleteFunction.html):
/// 204. Unqualified, the function goes with every version and alias, and its workers are stopped; with a version
/// number, only that version (refused while an alias points at it).
/// </summary>
internal sealed class DeleteFunction(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var reference = FunctionReference.Parse(path.GetValueOrDefault("FunctionName"), request.Context, request.Query.GetValueOrDefault("Qualifier"));
        if (reference.Qualifier is { } qualifier)
        {
            return Task.FromResult(DeleteVersion(reference, qualifier));
        }
        var function = state.Require(reference);
        var removed = state.Store.Remove(function.AccountId, function.Region, function.FunctionName) ?? throw LambdaErrors.FunctionNotFound(reference.Arn);
        Stop(removed);
        foreach (var version in state.Versions.RemoveFunction(removed.AccountId, removed.Region, removed.FunctionName))
        {
            Stop(version);
        }
        // Events waiting for concurrency look again and find the function gone.
        state.Limiter.Signal();
        return Task.FromResult(ServiceResponse.Empty(204));
    }

    private ServiceResponse DeleteVersion(FunctionReference reference, string qualifier)
    {
        var latest = state.Store.Find(reference.AccountId, reference.Region, reference.Name) ?? throw LambdaErrors.FunctionNotFound($"{reference.Arn}:{qualifier}");
        if (qualifier == FunctionVersions.Latest)
        {
            throw LambdaErrors.LatestNotDeletable();
        }
        if (!FunctionVersions.IsNumber(qualifier))
        {
            // An alias is deleted with DeleteAlias; AWS refuses it here.
            throw state.Versions.FindAlias(latest.AccountId, latest.Region, latest.FunctionName, qualifier) is null
                ? LambdaErrors.AliasNotFound($"{latest.FunctionArn}:{qualifier}")
                : LambdaErrors.AliasNotDeletableHere();
        }
        var (removed, referencedBy) = state.Versions.RemoveVersion(latest.AccountId, latest.Region, latest.FunctionName, qualifier);
        if (referencedBy.Count > 0)
        {
            throw LambdaErrors.VersionReferenced(referencedBy);
        }
        if (removed is null)
        {
            throw LambdaErrors.FunctionNotFound($"{latest.FunctionArn}:{qualifier}");
        }
        Stop(removed);
        state.Limiter.Signal();
        return ServiceResponse.Empty(204);
    }

    private void Stop(FunctionRecord removed)
    {
        if (!state.Engine.Retire(removed.QualifiedArn, deleteCode: true))
        {
            CodePackage.Delete(removed.Code);
        }
    }
}
