using LocalCloud.StepFunctions.Machines;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// "publish" and "versionDescription" on CreateStateMachine and UpdateStateMachine: the change is published as a
/// version in the same call (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html).
/// </summary>
public static class PublishOnChange
{
    /// <summary>Whether to publish; a description without publish is AWS's ValidationException (LocalStack's snapshot test_create_with_version_description_no_publish).</summary>
    public static bool Check(bool? publish, string? versionDescription)
    {
        Validate.MaxLength(versionDescription, "versionDescription", PublishStateMachineVersion.MaxDescriptionLength);
        if (versionDescription is not null && publish != true)
        {
            throw StepFunctionsErrors.ValidationMessage("Version description can only be set when publish is true");
        }
        return publish == true;
    }

    /// <summary>Publishes the machine's current revision when asked; returns the version ARN for the response, else null. The caller holds the machine gate.</summary>
    public static string? Apply(StepFunctionsBackend backend, StateMachineRecord machine, bool publish, string? versionDescription)
        => publish ? PublishStateMachineVersion.Publish(backend, machine, versionDescription).Arn : null;

    /// <summary>
    /// UpdateStateMachine's ARN: a version or alias ARN cannot be updated, and AWS answers StateMachineDoesNotExist
    /// naming it (LocalStack's snapshot test_update_state_machine).
    /// </summary>
    public static string RequireUnqualified(string? arn)
    {
        var parsed = QualifiedArn.Require(arn);
        return parsed.Qualifier is null ? parsed.MachineArn : throw StepFunctionsErrors.StateMachineDoesNotExist(parsed.Arn);
    }

    /// <summary>An update that sets the same definition and role makes no new revision.</summary>
    public static bool Unchanged(StateMachineRecord before, StateMachineRecord after)
        => before.Definition == after.Definition && before.RoleArn == after.RoleArn;
}
