using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Express;
using LocalCloud.StepFunctions.Machines;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Starts Express executions, for StartExecution (asynchronous) and StartSyncExecution alike. They are never written to
/// the durable store: AWS keeps no history for them and a sync caller's connection ends with LocalCloud anyway. They are
/// metered as Express (requests and billed duration), not as Standard state transitions' executions.
/// </summary>
public static class ExpressExecutions
{
    public static string ValidName(string? name) => name is null ? Guid.NewGuid().ToString() : Validate.Name(name, "name");

    /// <summary>The input checks StartExecution makes: size and JSON.</summary>
    public static string ValidInput(string? input)
    {
        input ??= "{}";
        Validate.MaxBytes(input, "input", StepFunctionsLimits.MaxPayloadBytes);
        try
        {
            using var _ = JsonDocument.Parse(input);
        }
        catch (JsonException e)
        {
            throw StepFunctionsErrors.InvalidExecutionInput(e.Message);
        }
        return input;
    }

    public static Execution Start(StepFunctionsBackend backend, StateMachineRecord machine, string name, string input, RequestContext context)
    {
        var version = new StateMachineVersion(machine.Arn, machine.Name, machine.RoleArn, machine.Parsed, machine.Definition,
            machine.UpdateDate ?? machine.CreationDate, machine.RevisionId);
        var execution = backend.Executions.GetOrAdd(
            new Execution(ExpressRules.ExecutionArn(machine.Arn, name), name, version, input, context, backend.Engine.Time) { Type = ExpressRules.Express });
        var usage = backend.Engine.Usage;
        usage.Add("states", "ExpressRequests", machine.Arn);
        _ = execution.Finished.ContinueWith(
            done => usage.Add("states", "ExpressBilledDurationMs", machine.Arn, ExpressRules.BilledMilliseconds(done.Result.StartDate, done.Result.StopDate ?? done.Result.StartDate)),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _ = Task.Run(() => new ExecutionRunner(execution, backend.Engine).RunAsync());
        return execution;
    }
}
