namespace LocalCloud.Lambda.Functions;

/// <summary>
/// A function alias (https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html): a name pointing at
/// one version, optionally sending a share of invocations to a second one (RoutingConfig.AdditionalVersionWeights).
/// </summary>
internal sealed record AliasRecord
{
    public required string AccountId { get; init; }
    public required string Region { get; init; }
    public required string FunctionName { get; init; }
    public required string Name { get; init; }
    public required string FunctionVersion { get; init; }
    public string Description { get; init; } = string.Empty;

    /// <summary>Version number → share of invocations (0 ≤ weight &lt; 1); null or empty without routing.</summary>
    public IReadOnlyDictionary<string, double>? AdditionalVersionWeights { get; init; }

    public required string RevisionId { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string AliasArn => $"{FunctionArns.Of(Region, AccountId, FunctionName)}:{Name}";

    /// <summary>
    /// The version one invocation runs: the additional version with its weight's probability, else the primary
    /// (https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html).
    /// </summary>
    public string PickVersion(double draw)
    {
        if (AdditionalVersionWeights is { Count: > 0 } weights)
        {
            var (version, weight) = weights.First();
            if (draw < weight)
            {
                return version;
            }
        }
        return FunctionVersion;
    }
}
