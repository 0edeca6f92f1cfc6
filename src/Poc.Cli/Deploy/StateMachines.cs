using Aws.Clients.StepFunctions;

namespace Poc.Cli.Deploy;

/// <summary>Finds state machines by name, which works without knowing the account id (AWS) or guessing ARNs.</summary>
public static class StateMachines
{
    /// <summary>The ARN of the state machine called <paramref name="name"/>, or null.</summary>
    public static async Task<string?> FindArnAsync(StepFunctionsClient stepFunctions, string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stepFunctions);
        string? next = null;
        do
        {
            var page = await stepFunctions.ListStateMachinesAsync(new ListStateMachinesRequest { NextToken = next }, ct);
            if (page.StateMachines.FirstOrDefault(m => m.Name == name) is { } found)
            {
                return found.StateMachineArn;
            }

            next = page.NextToken;
        }
        while (!string.IsNullOrEmpty(next));

        return null;
    }
}
