using LocalCloud.StepFunctions.Api.Shapes;
namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record ListTagsForResourceResponse(IReadOnlyList<Tag> Tags);
