using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record CreateActivityRequest(string? Name, IReadOnlyList<Tag>? Tags = null, EncryptionConfiguration? EncryptionConfiguration = null);
