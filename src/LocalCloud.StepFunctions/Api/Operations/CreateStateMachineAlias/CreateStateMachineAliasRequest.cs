using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record CreateStateMachineAliasRequest(string? Description, string? Name, IReadOnlyList<RoutingConfigurationListItem>? RoutingConfiguration);
