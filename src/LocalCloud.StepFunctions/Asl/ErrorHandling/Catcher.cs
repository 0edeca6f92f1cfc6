namespace LocalCloud.StepFunctions.Asl.ErrorHandling;

/// <summary>One Catch entry. ResultPath "$" by default: the error output replaces the input.</summary>
public sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next, Asl.JsonPath.ReferencePath? ResultPath);
