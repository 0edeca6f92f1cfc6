namespace Poc.Cli.Monitor;

/// <summary>One state machine and its most recent executions, newest first.</summary>
/// <param name="Name">The state machine's name.</param>
/// <param name="Arn">Its ARN, or null when it is not deployed.</param>
/// <param name="Executions">The newest executions (ListExecutions returns them newest first).</param>
public sealed record StateMachineActivity(string Name, string? Arn, IReadOnlyList<ExecutionRow> Executions);
