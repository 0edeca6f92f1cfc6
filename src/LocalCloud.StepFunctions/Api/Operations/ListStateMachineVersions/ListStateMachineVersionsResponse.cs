using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListStateMachineVersionsResponse(IReadOnlyList<StateMachineVersionListItem> StateMachineVersions, string? NextToken);
