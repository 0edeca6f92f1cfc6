namespace Aws.Clients.StepFunctions;

/// <summary>Output of UpdateStateMachine.</summary>
public sealed record UpdateStateMachineResponse
{
    /// <summary>When it was updated.</summary>
    public DateTimeOffset UpdateDate { get; init; }

    /// <summary>The new revision id.</summary>
    public string? RevisionId { get; init; }

    /// <summary>The published version's ARN, if any.</summary>
    public string? StateMachineVersionArn { get; init; }
}
