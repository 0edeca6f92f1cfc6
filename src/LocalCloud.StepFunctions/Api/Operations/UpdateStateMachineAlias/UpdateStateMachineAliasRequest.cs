using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record UpdateStateMachineAliasRequest(string? StateMachineAliasArn, string? Description, IReadOnlyList<RoutingConfigurationListItem>? RoutingConfiguration);
