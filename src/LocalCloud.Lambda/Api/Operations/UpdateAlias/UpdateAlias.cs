using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// PUT /2015-03-31/functions/{FunctionName}/aliases/{Name} (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html):
/// members left out keep their value; a RoutingConfig given (even empty) replaces the routing. Every update gets a new
/// RevisionId, and a stale RevisionId in the request answers PreconditionFailedException.
/// </summary>
internal sealed class UpdateAlias(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var input = LambdaJson.Read<UpdateAliasRequest>(request);
        var current = state.RequireAlias(path, request);
        if (input.RevisionId is not null && input.RevisionId != current.RevisionId)
        {
            throw LambdaErrors.RevisionMismatch();
        }
        var version = input.FunctionVersion is null ? current.FunctionVersion : AliasValidation.FunctionVersion(input.FunctionVersion);
        FunctionValidation.Description(input.Description);
        var latest = state.Store.Find(current.AccountId, current.Region, current.FunctionName) ?? throw LambdaErrors.FunctionNotFound(current.AliasArn);
        state.RequireVersion(latest, version);
        var weights = input.RoutingConfig is null ? current.AdditionalVersionWeights : input.RoutingConfig.AdditionalVersionWeights;
        var updated = current with
        {
            FunctionVersion = version,
            Description = input.Description ?? current.Description,
            AdditionalVersionWeights = AliasValidation.Weights(weights, version, v => state.Versions.FindVersion(latest.AccountId, latest.Region, latest.FunctionName, v) is not null, latest.FunctionArn),
            RevisionId = Guid.NewGuid().ToString(),
        };
        if (!state.Versions.TryPutAlias(updated, current.RevisionId))
        {
            // Another update got there first: the caller's view is stale, as a RevisionId mismatch would say.
            throw LambdaErrors.RevisionMismatch();
        }
        return Task.FromResult(LambdaJson.Write(200, AliasConfiguration.Of(updated)));
    }
}
