namespace LocalCloud.StepFunctions.Asl.ErrorHandling;

/// <summary>
/// How an ErrorEquals list matches an error name, per
/// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html:
/// States.ALL matches any error except the terminal States.Runtime and States.DataLimitExceeded;
/// States.TaskFailed matches any error except States.Timeout (a heartbeat timeout is a timeout too);
/// States.Timeout also matches States.HeartbeatTimeout ("ran longer than TimeoutSeconds, or failed to
/// heartbeat for longer than HeartbeatSeconds"); everything else is an exact, case-sensitive match.
/// </summary>
public static class ErrorMatcher
{
    public static bool IsTerminal(string error)
        => error is StatesErrors.Runtime or StatesErrors.DataLimitExceeded;

    /// <summary>The index of the first Retry or Catch rule whose ErrorEquals matches, or -1: rules are tried in order.</summary>
    public static int FirstMatch(IEnumerable<IReadOnlyList<string>> rules, string error)
    {
        var index = 0;
        foreach (var errorEquals in rules)
        {
            if (Matches(errorEquals, error))
            {
                return index;
            }
            index++;
        }
        return -1;
    }

    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        if (IsTerminal(error))
        {
            return false;
        }
        foreach (var name in errorEquals)
        {
            var hit = name switch
            {
                StatesErrors.All => true,
                StatesErrors.TaskFailed => error is not (StatesErrors.Timeout or StatesErrors.HeartbeatTimeout),
                StatesErrors.Timeout => error is StatesErrors.Timeout or StatesErrors.HeartbeatTimeout,
                _ => string.Equals(name, error, StringComparison.Ordinal),
            };
            if (hit)
            {
                return true;
            }
        }
        return false;
    }
}
