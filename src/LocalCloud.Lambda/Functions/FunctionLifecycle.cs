using System.Collections.Concurrent;
using LocalCloud.Core;
using LocalCloud.Lambda.Execution;
using Microsoft.Extensions.Logging;

namespace LocalCloud.Lambda.Functions;

/// <summary>
/// The asynchronous half of CreateFunction and the update operations, as on AWS: a new function is Pending until its
/// code is unpacked, then Active (or Failed); an update is InProgress until done, then Successful (or Failed, keeping
/// the previous code). Steps of one function run in order, in the background
/// (https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html).
/// </summary>
internal sealed class FunctionLifecycle(IFunctionStore store, InvocationEngine engine, ILogger logger)
{
    private readonly ConcurrentDictionary<string, Task> _latest = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Awaited before every background step: tests hold a function in Pending/InProgress with it.</summary>
    internal Func<Task> Gate { get; set; } = () => Task.CompletedTask;

    public void Activate(FunctionRecord created) => Enqueue(created.FunctionArn, () =>
    {
        string? failure = null;
        try
        {
            CodePackage.Extract(created.Code);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or AwsServiceException)
        {
            failure = e.Message;
        }
        var stored = store.Update(created.AccountId, created.Region, created.FunctionName, r => r.Code != created.Code || r.State != FunctionStates.Pending ? null : failure is null
            ? r with { State = FunctionStates.Active, StateReason = null, StateReasonCode = null, LastUpdateStatus = FunctionStates.Successful, LastUpdateStatusReason = null, LastUpdateStatusReasonCode = null }
            : r with { State = FunctionStates.Failed, StateReason = failure, StateReasonCode = FunctionStates.InvalidZipReasonCode, LastUpdateStatus = FunctionStates.Failed, LastUpdateStatusReason = failure, LastUpdateStatusReasonCode = FunctionStates.InvalidZipReasonCode });
        if (stored is null || stored.Code != created.Code)
        {
            // Deleted (or recreated) while Pending: nobody runs this code.
            CodePackage.Delete(created.Code);
        }
    });

    /// <summary>UpdateFunctionCode: unpack <see cref="FunctionRecord.PendingCode"/>, then switch invocations to it.</summary>
    public void CompleteCodeUpdate(FunctionRecord updated)
    {
        var code = updated.PendingCode!;
        Enqueue(updated.FunctionArn, () =>
        {
            string? failure = null;
            try
            {
                CodePackage.Extract(code);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or AwsServiceException)
            {
                failure = e.Message;
            }
            FunctionCode? previous = null;
            var stored = store.Update(updated.AccountId, updated.Region, updated.FunctionName, r =>
            {
                if (r.PendingCode != code)
                {
                    return null;
                }
                previous = r.Code;
                return failure is null
                    ? r with { Code = code, PendingCode = null, LastUpdateStatus = FunctionStates.Successful, LastUpdateStatusReason = null, LastUpdateStatusReasonCode = null }
                    : r with { PendingCode = null, LastUpdateStatus = FunctionStates.Failed, LastUpdateStatusReason = failure, LastUpdateStatusReasonCode = FunctionStates.InvalidZipReasonCode };
            });
            if (stored is null || stored.Code != code)
            {
                CodePackage.Delete(code);
            }
            else if (previous is not null)
            {
                engine.RetireCode(updated.FunctionArn, previous);
            }
        });
    }

    /// <summary>UpdateFunctionConfiguration (and similar): nothing to prepare, so the update completes at once, in the background.</summary>
    public void CompleteConfigurationUpdate(FunctionRecord updated) => Enqueue(updated.FunctionArn, () =>
        store.Update(updated.AccountId, updated.Region, updated.FunctionName, r => r.RevisionId == updated.RevisionId && r.LastUpdateStatus == FunctionStates.InProgress
            ? r with { LastUpdateStatus = FunctionStates.Successful, LastUpdateStatusReason = null, LastUpdateStatusReasonCode = null }
            : null));

    /// <summary>
    /// After a restart: a function that was still Pending, or whose update was still InProgress, when LocalCloud stopped
    /// takes that step again (unpacking is idempotent), so what CreateFunction or an update acknowledged is finished.
    /// </summary>
    public void Resume(FunctionRecord restored)
    {
        if (restored.State == FunctionStates.Pending)
        {
            Activate(restored);
        }
        else if (restored.PendingCode is not null)
        {
            CompleteCodeUpdate(restored);
        }
        else if (restored.LastUpdateStatus == FunctionStates.InProgress)
        {
            CompleteConfigurationUpdate(restored);
        }
    }

    /// <summary>Completes when every step queued so far for the function has run.</summary>
    public Task WhenSettled(string functionArn) => _latest.TryGetValue(functionArn, out var task) ? task : Task.CompletedTask;

    public Task DrainAsync() => Task.WhenAll(_latest.Values);

    private void Enqueue(string functionArn, Action step)
    {
        lock (_lock)
        {
            var previous = WhenSettled(functionArn);
            _latest[functionArn] = RunAfterAsync(previous, functionArn, step);
        }
    }

    private async Task RunAfterAsync(Task previous, string functionArn, Action step)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        try
        {
            await Gate().ConfigureAwait(false);
            step();
        }
#pragma warning disable CA1031 // A background step must never fault the chain of the function's later steps.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LifecycleStepFailed(e, functionArn);
        }
    }
}
