using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListStateMachineAliasesResponse(IReadOnlyList<StateMachineAliasListItem> StateMachineAliases, string? NextToken);
