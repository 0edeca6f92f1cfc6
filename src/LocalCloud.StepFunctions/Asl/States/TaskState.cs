using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.ErrorHandling;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>Calls a resource; the engine (through the scope) does the calling, this class the data flow.</summary>
public sealed class TaskState(
    string name,
    string? next,
    StateIo io,
    string resource,
    IReadOnlyList<Retrier> retry,
    IReadOnlyList<Catcher> @catch,
    TaskTimeouts timeouts) : State(name, next, io)
{
    public override string Type => "Task";

    public string Resource { get; } = resource;

    public override IReadOnlyList<Retrier> Retriers { get; } = retry;

    public override IReadOnlyList<Catcher> Catchers { get; } = @catch;

    public TaskTimeouts Timeouts { get; } = timeouts;

    /// <summary>A task answered with its token: a .waitForTaskToken integration, or an activity (its worker gets the token).</summary>
    public bool IsCallback => Resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal)
        || (Resource.StartsWith("arn:aws:states:", StringComparison.Ordinal) && Resource.Contains(":activity:", StringComparison.Ordinal));

    public override async Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        // The token is minted first: Parameters ("$$.Task.Token") and Arguments ($states.context.Task.Token) carry it.
        var token = IsCallback ? scope.MintTaskToken() : null;
        var input = Io.Arguments(scope, rawInput, Io.SelectInput(scope, rawInput));
        var result = await scope.RunTaskAsync(this, rawInput, input, token, cancellationToken).ConfigureAwait(false);
        return Finish(scope, rawInput, result, ResultKind.Result);
    }
}
