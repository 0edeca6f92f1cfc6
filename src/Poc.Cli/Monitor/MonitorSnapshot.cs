namespace Poc.Cli.Monitor;

/// <summary>Everything one refresh of poc monitor saw; rendering reads only this, so it is testable without an endpoint.</summary>
/// <param name="TakenAt">When the collector started reading; ages and "in N s" are relative to it.</param>
/// <param name="Where">The endpoint, described for the header.</param>
/// <param name="StateMachines">Both state machines, deployed or not, with their recent executions.</param>
/// <param name="Tokens">poc-task-tokens.</param>
/// <param name="Schedule">poc-poller-schedule.</param>
/// <param name="Lambda">What the endpoint can tell about recent Lambda invocations.</param>
public sealed record MonitorSnapshot(
    DateTimeOffset TakenAt,
    string Where,
    IReadOnlyList<StateMachineActivity> StateMachines,
    TokenTableStatus Tokens,
    ScheduleStatus Schedule,
    LambdaActivity Lambda)
{
    /// <summary>True when none of the resources poc deploy creates is there: the monitor has nothing to show.</summary>
    public bool NothingDeployed => StateMachines.All(m => m.Arn is null) && !Tokens.Exists && !Schedule.Exists;
}
