using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Asl.Variables;
using Microsoft.Extensions.Time.Testing;

namespace LocalCloud.StepFunctions.Tests.Support;

/// <summary>
/// A state scope with no execution behind it: a context object and variables, for evaluating data flow and
/// expressions on their own. Anything that would run work (a task, a branch, a timer) is not for this scope.
/// </summary>
internal sealed class DetachedScope(JsonObject? context = null, VariableScope? variables = null) : IStateScope
{
    public TimeProvider Time { get; } = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public string StateName => "State";

    public long EnteredEventId => 2;

    public DateTimeOffset Entered => Time.GetUtcNow();

    public JsonObject Context { get; } = context ?? [];

    public IVariables Variables { get; } = variables ?? new VariableScope();

    public string MintTaskToken() => throw new NotSupportedException("a detached scope runs no task");

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => throw new NotSupportedException("a detached scope has no timer");

    public Task<JsonNode?> RunTaskAsync(TaskState state, JsonNode? stateInput, JsonNode? effectiveInput, string? taskToken, CancellationToken cancellationToken)
        => throw new NotSupportedException("a detached scope runs no task");

    public void Emit(string type, string? member = null, JsonObject? details = null)
    {
    }

    public Task<JsonNode?> RunBranchAsync(StateMachineDefinition branch, JsonNode? input, CancellationToken cancellationToken)
        => throw new NotSupportedException("a detached scope runs no branch");

    public Task RunStrandsAsync(int count, Func<int, Task> body) => throw new NotSupportedException("a detached scope runs no strand");
}
