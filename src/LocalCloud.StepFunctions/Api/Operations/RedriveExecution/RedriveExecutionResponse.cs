namespace LocalCloud.StepFunctions.Api.Operations;

public sealed record RedriveExecutionResponse(DateTimeOffset RedriveDate);
