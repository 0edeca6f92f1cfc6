using System.Text.Json;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Starts an execution. A name reused with the same input while that execution runs returns it again;
/// otherwise ExecutionAlreadyExists (https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html).
/// </summary>
public sealed class StartExecution(StepFunctionsBackend backend)
{
    public Task<StartExecutionResponse> HandleAsync(StartExecutionRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var (machineArn, testCase) = MockedStart.Split(request.StateMachineArn);
        var (machine, qualifier) = ExecutionTarget.Resolve(backend, machineArn);
        var mocked = MockedStart.Resolve(backend.Engine.Mocks, machine, testCase, request.StateMachineArn!);
        var name = request.Name is null ? Guid.NewGuid().ToString() : Validate.Name(request.Name, "name");
        var input = request.Input ?? "{}";
        // 256 KiB of UTF-8 (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html#service-limits-task-executions).
        Validate.MaxBytes(input, "input", StepFunctionsLimits.MaxPayloadBytes);
        try
        {
            using var _ = JsonDocument.Parse(input);
        }
        catch (JsonException e)
        {
            throw StepFunctionsErrors.InvalidExecutionInput(e.Message);
        }
        if (machine.Type == Engine.Express.ExpressRules.Express)
        {
            var express = ExpressExecutions.Start(backend, machine, name, input, context);
            return Task.FromResult(new StartExecutionResponse(express.Arn, express.StartDate));
        }
        var arn = SfnArn.Execution(machine.Arn, name);
        var version = new StateMachineVersion(machine.Arn, machine.Name, machine.RoleArn, machine.Parsed, machine.Definition,
            machine.UpdateDate ?? machine.CreationDate, machine.RevisionId);
        var candidate = new Execution(arn, name, version, input, context, backend.Engine.Time, backend.JournalFor(arn)) { Mocked = mocked };
        var execution = backend.Executions.GetOrAdd(candidate);
        if (!ReferenceEquals(execution, candidate))
        {
            candidate.Dispose();
            if (execution.IsRunning && execution.Input == input)
            {
                return Task.FromResult(new StartExecutionResponse(execution.Arn, execution.StartDate));
            }
            throw StepFunctionsErrors.ExecutionAlreadyExists(arn);
        }
        ExecutionTarget.Record(backend, execution.Arn, qualifier);
        backend.Run(execution);
        return Task.FromResult(new StartExecutionResponse(execution.Arn, execution.StartDate));
    }
}
