using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListActivitiesResponse(IReadOnlyList<ActivityListItem> Activities, string? NextToken);
