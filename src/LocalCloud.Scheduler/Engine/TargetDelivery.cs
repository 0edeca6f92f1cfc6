using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LocalCloud.Core;
using LocalCloud.Core.Ports;
using LocalCloud.Core.Usage;
using LocalCloud.Scheduler.Model;
using LocalCloud.Scheduler.Ports;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Scheduler.Engine;

/// <summary>
/// Delivers one firing to its target, retrying failed invokes as the target's RetryPolicy allows
/// (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-retry-policy.html).
/// Waits between attempts run on the TimeProvider, scaled by TimeScale like every other interval.
/// </summary>
internal sealed partial class TargetDelivery(TimeProvider time, double timeScale, ILambdaInvoker lambda, UsageMeter usage, ILogger logger, ISdkTargetInvoker? sdk = null)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    public async Task DeliverAsync(Schedule schedule, ScheduleFiring firing, CancellationToken cancellationToken)
    {
        var target = schedule.Target;
        var targetArn = target.Arn ?? "";
        var context = new RequestContext(schedule.AccountId, schedule.Region, Guid.NewGuid().ToString());
        var send = Sender(targetArn, context);
        if (send is null)
        {
            logger.UnsupportedTarget(schedule.Arn, targetArn);
            usage.Add("scheduler", "TargetErrorCount", schedule.Arn);
            firing.Settle(FiringOutcome.Dropped, "LocalCloud invokes Lambda functions, Step Functions state machines and universal targets (aws-sdk:) of the services it hosts; this target is none of them.");
            return;
        }
        var maxRetries = target.RetryPolicy?.MaximumRetryAttempts ?? RetryPolicy.DefaultMaximumRetryAttempts;
        var maxAge = Scale(TimeSpan.FromSeconds(target.RetryPolicy?.MaximumEventAgeInSeconds ?? RetryPolicy.DefaultMaximumEventAgeInSeconds));
        if (time.GetUtcNow() - firing.DueTime > maxAge)
        {
            // Only a firing restored late after a restart can be this old: AWS keeps an event no longer than
            // MaximumEventAgeInSeconds (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html).
            usage.Add("scheduler", "InvocationDroppedCount", schedule.Arn);
            logger.TooOld(schedule.Arn, targetArn, firing.DueTime);
            firing.Settle(FiringOutcome.Dropped, "The firing is older than the target's MaximumEventAgeInSeconds.");
            return;
        }
        var executionId = Guid.NewGuid().ToString();
        for (var attempt = 1; ; attempt++)
        {
            firing.Attempted();
            var payload = Payload(target.Input, schedule.Arn, firing.DueTime, executionId, attempt);
            string error;
            try
            {
                await send(payload, cancellationToken).ConfigureAwait(false);
                firing.Settle(FiringOutcome.Delivered);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure of the target is a failed attempt to retry, never a crash of the scheduler.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = e is AwsServiceException aws ? $"{aws.ErrorCode}: {aws.Message}" : e.Message;
            }
            usage.Add("scheduler", "TargetErrorCount", schedule.Arn);
            logger.AttemptFailed(schedule.Arn, attempt, targetArn, error);
            var delay = Scale(Backoff(attempt));
            if (attempt > maxRetries || time.GetUtcNow() + delay - firing.DueTime > maxAge)
            {
                usage.Add("scheduler", "InvocationDroppedCount", schedule.Arn);
                logger.Dropped(schedule.Arn, targetArn, attempt);
                firing.Settle(FiringOutcome.Dropped, error);
                return;
            }
            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// How one attempt reaches the target, or null when LocalCloud cannot: a Lambda function is invoked asynchronously
    /// (Event); a state machine target is Step Functions' StartExecution with the Input as the execution's input
    /// (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-templated.html); a universal target
    /// calls its action with the Input as the request.
    /// </summary>
    private Func<string, CancellationToken, Task>? Sender(string targetArn, RequestContext context)
    {
        if (LambdaFunctionArn().IsMatch(targetArn))
        {
            return (payload, ct) => lambda.InvokeAsync(new LambdaInvokeRequest(targetArn, Encoding.UTF8.GetBytes(payload), LambdaInvocationType.Event), context, ct);
        }
        if (sdk is null)
        {
            return null;
        }
        if (StateMachineArn().IsMatch(targetArn) && sdk.Serves("sfn"))
        {
            return (payload, ct) => sdk.InvokeAsync("sfn", "startExecution", JsonSerializer.Serialize(new Dictionary<string, string> { ["stateMachineArn"] = targetArn, ["input"] = payload }), context, ct);
        }
        var universal = UniversalTargetArn().Match(targetArn);
        if (universal.Success && sdk.Serves(universal.Groups["service"].Value))
        {
            var (service, action) = (universal.Groups["service"].Value, universal.Groups["action"].Value);
            return (payload, ct) => sdk.InvokeAsync(service, action, payload, context, ct);
        }
        return null;
    }

    // AWS backs off exponentially with jitter but publishes no formula; 1 s doubling up to a minute keeps
    // local retries quick and deterministic for tests.
    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt - 1), MaxBackoff.TotalSeconds));

    private TimeSpan Scale(TimeSpan span) => TimeSpan.FromTicks((long)(span.Ticks * timeScale));

    // Context attributes Scheduler substitutes in a target's Input
    // (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html).
    private static string Payload(string? input, string scheduleArn, DateTimeOffset dueTime, string executionId, int attempt)
        => input is null
            ? "{}"
            : input.Replace("<aws.scheduler.schedule-arn>", scheduleArn, StringComparison.Ordinal)
                .Replace("<aws.scheduler.scheduled-time>", dueTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("<aws.scheduler.execution-id>", executionId, StringComparison.Ordinal)
                .Replace("<aws.scheduler.attempt-number>", attempt.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    [GeneratedRegex(@"^arn:aws[a-z\-]*:states:[a-z0-9\-]+:\d{12}:stateMachine:[A-Za-z0-9\-_]+(:[A-Za-z0-9\-_]+)?$")]
    private static partial Regex StateMachineArn();

    [GeneratedRegex(@"^arn:aws[a-z\-]*:scheduler:::aws-sdk:(?<service>[a-z0-9\-]+):(?<action>[a-zA-Z0-9]+)$")]
    private static partial Regex UniversalTargetArn();

    [GeneratedRegex(@"^arn:aws[a-z\-]*:lambda:[a-z0-9\-]+:\d{12}:function:[A-Za-z0-9\-_]+(:[A-Za-z0-9\-_$]+)?$")]
    private static partial Regex LambdaFunctionArn();
}
