namespace LocalCloud.StepFunctions.Api.Shapes;

/// <summary>One version an alias routes to; weight is nullable so a missing one is AWS's validation error, not 0.</summary>
public sealed record RoutingConfigurationListItem(string? StateMachineVersionArn, int? Weight);
