namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeActivityRequest(string? ActivityArn);
