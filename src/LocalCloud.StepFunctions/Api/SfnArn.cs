using LocalCloud.Core;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api;

/// <summary>arn:aws:states:{region}:{account}:stateMachine:{name} and …:execution:{stateMachine}:{execution}.</summary>
public static class SfnArn
{
    public static string StateMachine(RequestContext context, string name) => $"arn:aws:states:{context.Region}:{context.AccountId}:stateMachine:{name}";

    public static string Execution(string stateMachineArn, string executionName)
    {
        var parts = stateMachineArn.Split(':');
        return $"arn:aws:states:{parts[3]}:{parts[4]}:execution:{parts[6]}:{executionName}";
    }

    /// <summary>The state machine an execution ARN belongs to.</summary>
    public static string StateMachineOf(string executionArn)
    {
        var parts = executionArn.Split(':');
        return $"arn:aws:states:{parts[3]}:{parts[4]}:stateMachine:{parts[6]}";
    }

    public static string RequireStateMachine(string? arn, string member = "stateMachineArn")
        => Check(Validate.Required(arn, member), "stateMachine", 7);

    public static string RequireExecution(string? arn, string member = "executionArn")
        => Check(Validate.Required(arn, member), "execution", 8);

    public static bool IsArn(string value) => value.StartsWith("arn:", StringComparison.Ordinal) && value.Split(':').Length >= 6;

    private static string Check(string arn, string resourceType, int parts)
    {
        var split = arn.Split(':');
        if (split is [_, _, "states", _, _, "express", ..] && resourceType != "express")
        {
            // An Express execution where only Standard ones are accepted (Describe, History, Stop, Redrive…).
            throw StepFunctionsErrors.ResourceTypeNotValid("express");
        }
        if (split.Length != parts || split[0] != "arn" || split[2] != "states" || split[5] != resourceType || split.Any(string.IsNullOrEmpty))
        {
            throw StepFunctionsErrors.InvalidArn(arn);
        }
        return arn;
    }
}
