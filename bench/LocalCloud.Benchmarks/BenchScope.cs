using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Asl.Variables;

namespace LocalCloud.Benchmarks;

/// <summary>A state scope with only a context object and variables: data-flow benchmarks run no task, branch or timer.</summary>
internal sealed class BenchScope(JsonObject context) : IStateScope
{
    public TimeProvider Time => TimeProvider.System;

    public string StateName => "Bench";

    public long EnteredEventId => 2;

    public DateTimeOffset Entered => DateTimeOffset.UnixEpoch;

    public JsonObject Context => context;

    public IVariables Variables { get; } = new VariableScope();

    public string MintTaskToken() => throw new NotSupportedException();

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<JsonNode?> RunTaskAsync(TaskState state, JsonNode? stateInput, JsonNode? effectiveInput, string? taskToken, CancellationToken cancellationToken)
        => throw new NotSupportedException();

    public void Emit(string type, string? member = null, JsonObject? details = null)
    {
    }

    public Task<JsonNode?> RunBranchAsync(StateMachineDefinition branch, JsonNode? input, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RunStrandsAsync(int count, Func<int, Task> body) => throw new NotSupportedException();
}
