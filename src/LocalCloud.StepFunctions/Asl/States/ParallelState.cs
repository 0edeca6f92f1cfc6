using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.ErrorHandling;

namespace LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// Runs every branch at once on the same input; the result is the branches' outputs in branch order.
/// The first branch to fail aborts the others and fails the state with that branch's error
/// (https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html).
/// </summary>
public sealed class ParallelState(
    string name,
    string? next,
    StateIo io,
    IReadOnlyList<StateMachineDefinition> branches,
    IReadOnlyList<Retrier> retry,
    IReadOnlyList<Catcher> @catch) : State(name, next, io)
{
    public override string Type => "Parallel";

    public IReadOnlyList<StateMachineDefinition> Branches { get; } = branches;

    public override IReadOnlyList<Retrier> Retriers { get; } = retry;

    public override IReadOnlyList<Catcher> Catchers { get; } = @catch;

    public override async Task<StateOutcome> ExecuteAsync(IStateScope scope, JsonNode? rawInput, CancellationToken cancellationToken)
    {
        var input = Io.Arguments(scope, rawInput, Io.SelectInput(scope, rawInput));
        scope.Emit("ParallelStateStarted");
        var results = new JsonNode?[Branches.Count];
        var kept = scope.TakeRedrivenChildren();
        var gate = new Lock();
        Failure? failure = null;
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await scope.RunStrandsAsync(Branches.Count, async i =>
        {
            if (kept is not null && kept.TryGetValue(i, out var before))
            {
                // Redriven: a branch that had succeeded is not run again (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-executions.html).
                results[i] = JsonNode.Parse(before);
                scope.ChildEnded(i, results[i], succeeded: true);
                return;
            }
            try
            {
                results[i] = await scope.RunBranchAsync(Branches[i], input?.DeepClone(), siblings.Token).ConfigureAwait(false);
                scope.ChildEnded(i, results[i], succeeded: true);
            }
            catch (StatesFailureException e)
            {
                scope.ChildEnded(i, null, succeeded: false);
                lock (gate)
                {
                    failure ??= e.Failure;
                }
                await siblings.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (siblings.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Aborted because a sibling failed: the failure that caused it is reported.
            }
        }).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            scope.Emit("ParallelStateFailed");
            throw new StatesFailureException(failure);
        }
        scope.Emit("ParallelStateSucceeded");
        return Finish(scope, rawInput, new JsonArray(results), ResultKind.Result);
    }
}
