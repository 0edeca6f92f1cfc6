namespace Poc.Cli.Report;

/// <summary>One moment of a job's timeline, in seconds from the execution's start.</summary>
/// <param name="Seconds">Offset from ExecutionStarted.</param>
/// <param name="Label">What happened.</param>
/// <param name="Kind">start, task, poll, callback, resume or end (the drawing colours by it).</param>
/// <param name="Reconstructed">True for polls placed by the schedule's rhythm rather than read from an event.</param>
public sealed record TimelineMark(double Seconds, string Label, string Kind, bool Reconstructed = false);
