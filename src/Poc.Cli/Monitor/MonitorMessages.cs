using System.Globalization;

namespace Poc.Cli.Monitor;

/// <summary>poc monitor's own texts, kept beside it (the command's descriptions are in <see cref="Cli.Messages"/>).</summary>
public static class MonitorMessages
{
    public const string LambdaOnAws =
        "Lambda: AWS has no API for recent invocations; this panel would come from CloudWatch metrics (Invocations, Errors), which poc does not read.";

    public const string LambdaOnOtherEmulator =
        "Lambda: this emulator offers no invocation counts poc can read; on AWS this panel would come from CloudWatch metrics (not implemented).";

    public const string LambdaFromUsage =
        "invocations from LocalCloud's /_localcloud/usage (requests, GB-seconds); it does not count errors, and on AWS this panel would come from CloudWatch metrics.";

    public const string NoExecutions = "no executions yet";

    public const string NotDeployed = "not deployed";

    public const string NoPendingJobs = "no pending jobs";

    public static string LambdaFromLocalCloud(int kept)
        => string.Create(CultureInfo.InvariantCulture, $"invocations from LocalCloud's usage; errors among the last {kept} invocations it keeps.");

    public static string NothingDeployed(string where)
        => $"nothing is deployed at {where}: no state machine, no poc-task-tokens table, no poc-poller-schedule. Run 'poc deploy' first.";

    public static string RefreshFailed(string time, string reason) => $"refresh at {time} failed: {reason}";

    public static string MorePending(int shown, int total)
        => string.Create(CultureInfo.InvariantCulture, $"oldest {shown} of {total} pending jobs");
}
