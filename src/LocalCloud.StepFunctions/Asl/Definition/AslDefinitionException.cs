namespace LocalCloud.StepFunctions.Asl.Definition;

/// <summary>
/// The definition breaks an ASL rule. The message is AWS's InvalidDefinition text:
/// "Invalid State Machine Definition: 'CODE: detail at /path, CODE: …'".
/// </summary>
public sealed class AslDefinitionException : Exception
{
    public AslDefinitionException(IReadOnlyList<string> diagnostics)
        : base($"Invalid State Machine Definition: '{string.Join(", ", diagnostics)}'") => Diagnostics = diagnostics;

    public AslDefinitionException()
        : this([])
    {
    }

    public AslDefinitionException(string message)
        : this([message])
    {
    }

    public AslDefinitionException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [message];

    public IReadOnlyList<string> Diagnostics { get; }
}
