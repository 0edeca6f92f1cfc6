namespace Poc.Cli.Deploy;

/// <summary>One resource deploy looked after.</summary>
/// <param name="Kind">package, table, function, state machine or schedule.</param>
/// <param name="Name">The resource's name.</param>
/// <param name="Change">What deploy did.</param>
/// <param name="Detail">What changed, or the ARN.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record DeployedResource(string Kind, string Name, ResourceChange Change, string? Detail, TimeSpan Elapsed);
