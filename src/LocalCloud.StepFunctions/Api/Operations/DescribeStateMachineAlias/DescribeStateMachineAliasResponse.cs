using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeStateMachineAliasResponse(string StateMachineAliasArn, string Name, string? Description,
    IReadOnlyList<RoutingConfigurationListItem> RoutingConfiguration, DateTimeOffset CreationDate, DateTimeOffset UpdateDate);
