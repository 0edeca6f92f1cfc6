using LocalCloud.StepFunctions.Asl.Definition;

namespace LocalCloud.StepFunctions.Machines.Versions;

/// <summary>
/// An immutable snapshot of one revision of a state machine, published as number <see cref="Number"/>; its ARN is the
/// machine's with ":&lt;number&gt;" appended (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html).
/// <see cref="RevisionDate"/> is when the revision was made, which DescribeStateMachineForExecution shows as updateDate.
/// </summary>
public sealed record PublishedVersion(
    string MachineArn,
    int Number,
    string Definition,
    StateMachineDefinition Parsed,
    string RoleArn,
    string Type,
    string? RevisionId,
    string? Description,
    DateTimeOffset CreationDate,
    DateTimeOffset RevisionDate)
{
    public string Arn => VersionArn(MachineArn, Number);

    public static string VersionArn(string machineArn, int number) => machineArn + ":" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
