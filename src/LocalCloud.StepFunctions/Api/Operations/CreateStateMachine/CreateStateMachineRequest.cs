using LocalCloud.StepFunctions.Api.Shapes;
namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record CreateStateMachineRequest(string? Name, string? Definition, string? RoleArn, string? Type, IReadOnlyList<Tag>? Tags = null,
    bool? Publish = null, string? VersionDescription = null);
