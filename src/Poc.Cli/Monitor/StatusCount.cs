namespace Poc.Cli.Monitor;

/// <summary>How many poc-task-tokens records have one status.</summary>
public sealed record StatusCount(string Status, int Count);
