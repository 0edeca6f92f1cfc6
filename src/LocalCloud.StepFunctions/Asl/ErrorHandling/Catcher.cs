using LocalCloud.StepFunctions.Asl.DataFlow;

namespace LocalCloud.StepFunctions.Asl.ErrorHandling;

/// <summary>
/// One Catch entry. Its data flow is a JSONPath ResultPath ("$" by default: the error output replaces the input) and
/// Assign, or a JSONata Output (by default the error output) and Assign, which read $states.errorOutput.
/// </summary>
public sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next, StateIo Io);
