namespace LocalCloud.StepFunctions.Machines.Versions;

/// <summary>
/// The version (and alias, when started through one) an execution was started on: DescribeExecution and ListExecutions
/// show both, and ListExecutions filters on them. Executions started with the unqualified ARN have none.
/// </summary>
public sealed record ExecutionQualifier(string VersionArn, string? AliasArn);
