using LocalCloud.StepFunctions.Api.Shapes;
namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record TagResourceRequest(string? ResourceArn, IReadOnlyList<Tag>? Tags);
