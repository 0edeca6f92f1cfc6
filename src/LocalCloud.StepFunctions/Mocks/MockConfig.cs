using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;

namespace LocalCloud.StepFunctions.Mocks;

/// <summary>One invocation's mocked answer: a <c>Return</c> value or a <c>Throw</c> error, never both.</summary>
public sealed record MockedResponse(JsonNode? Return, Failure? Throw);

/// <summary>
/// A named entry of <c>MockedResponses</c>: the answer for each invocation index ("0", or a range such as "1-2"
/// ). An index with no answer is allowed in the file and fails the state when reached, as Step Functions
/// Local does ("If you do not specify a mocked response ... the state machine execution will fail").
/// </summary>
public sealed class MockedResponseSequence(string name, IReadOnlyList<MockedResponseRange> ranges)
{
    public string Name { get; } = name;

    public IReadOnlyList<MockedResponseRange> Ranges { get; } = ranges;

    public MockedResponse? At(int invocation) => Ranges.FirstOrDefault(r => r.First <= invocation && invocation <= r.Last)?.Response;
}

/// <summary>The invocations <see cref="First"/> to <see cref="Last"/> (inclusive) of a mocked response, kept as a range so "0-999999" costs nothing.</summary>
public sealed record MockedResponseRange(int First, int Last, MockedResponse Response);

/// <summary>A test case of one state machine: which mocked response answers each Task state.</summary>
public sealed record MockTestCase(string StateMachineName, string Name, IReadOnlyDictionary<string, MockedResponseSequence> States);

/// <summary>
/// A Step Functions Local mock configuration file (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html):
/// state machines by name, each with its test cases. Read by <see cref="MockConfigLoader"/>.
/// </summary>
public sealed class MockConfig(IReadOnlyDictionary<string, IReadOnlyDictionary<string, MockTestCase>> stateMachines)
{
    public static MockConfig Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, MockTestCase>>(StringComparer.Ordinal));

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, MockTestCase>> StateMachines { get; } = stateMachines;

    public MockTestCase? Find(string stateMachineName, string testCase)
        => StateMachines.TryGetValue(stateMachineName, out var cases) ? cases.GetValueOrDefault(testCase) : null;
}

/// <summary>
/// One execution's run of a test case: the test case and how many times each of its states has been invoked, so that
/// each invocation (a retry included) takes the next index.
/// </summary>
public sealed class MockedRun(MockTestCase testCase)
{
    private readonly Dictionary<string, int> _invocations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public MockTestCase TestCase { get; } = testCase;

    /// <summary>
    /// The answer for this invocation of <paramref name="stateName"/>; null when the test case does not mock the state
    /// (it then calls the real integration). A mocked state with no answer at this index fails with States.Runtime.
    /// </summary>
    public MockedResponse? Next(string stateName)
    {
        if (!TestCase.States.TryGetValue(stateName, out var sequence))
        {
            return null;
        }
        int invocation;
        lock (_gate)
        {
            invocation = _invocations.GetValueOrDefault(stateName);
            _invocations[stateName] = invocation + 1;
        }
        return sequence.At(invocation) ?? throw new StatesFailureException(StatesErrors.Runtime,
            $"The mocked response '{sequence.Name}' of test case '{TestCase.Name}' has no answer for invocation {invocation} of state '{stateName}'.");
    }
}
