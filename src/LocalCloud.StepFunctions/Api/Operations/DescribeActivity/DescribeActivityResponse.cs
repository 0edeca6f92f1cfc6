using LocalCloud.StepFunctions.Api.Shapes;

namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeActivityResponse(string ActivityArn, string Name, DateTimeOffset CreationDate, EncryptionConfiguration? EncryptionConfiguration);
