using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Shapes;

/// <summary>Lambda's AliasConfiguration shape, as every alias operation answers it.</summary>
internal sealed record AliasConfiguration(string AliasArn, string Name, string FunctionVersion, string Description, AliasRoutingConfiguration? RoutingConfig, string RevisionId)
{
    public static AliasConfiguration Of(AliasRecord alias) => new(
        alias.AliasArn,
        alias.Name,
        alias.FunctionVersion,
        alias.Description,
        alias.AdditionalVersionWeights is { Count: > 0 } weights ? new AliasRoutingConfiguration(weights) : null,
        alias.RevisionId);
}

internal sealed record AliasRoutingConfiguration(IReadOnlyDictionary<string, double>? AdditionalVersionWeights);
