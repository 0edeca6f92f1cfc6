namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record DescribeMapRunRequest(string? MapRunArn);
