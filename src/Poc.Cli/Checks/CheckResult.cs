namespace Poc.Cli.Checks;

/// <summary>One check on one execution.</summary>
/// <param name="Check">What was checked.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Detail">What was seen, short enough for a table cell.</param>
public sealed record CheckResult(PatternCheck Check, bool Passed, string Detail);
