using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>POST /2015-03-31/functions/{FunctionName}/aliases (https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html): 201.</summary>
internal sealed class CreateAlias(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var input = LambdaJson.Read<CreateAliasRequest>(request);
        var latest = state.Require(path, request);
        var name = AliasValidation.Name(input.Name);
        var version = AliasValidation.FunctionVersion(input.FunctionVersion);
        FunctionValidation.Description(input.Description);
        state.RequireVersion(latest, version);
        var alias = new AliasRecord
        {
            AccountId = latest.AccountId,
            Region = latest.Region,
            FunctionName = latest.FunctionName,
            Name = name,
            FunctionVersion = version,
            Description = input.Description ?? string.Empty,
            AdditionalVersionWeights = AliasValidation.Weights(input.RoutingConfig?.AdditionalVersionWeights, version, v => state.Versions.FindVersion(latest.AccountId, latest.Region, latest.FunctionName, v) is not null, latest.FunctionArn),
            RevisionId = Guid.NewGuid().ToString(),
        };
        if (!state.Versions.TryPutAlias(alias, expectedRevisionId: null))
        {
            throw LambdaErrors.AliasExists(alias.AliasArn);
        }
        return Task.FromResult(LambdaJson.Write(201, AliasConfiguration.Of(alias)));
    }
}
