namespace LocalCloud.StepFunctions.Mocks;

/// <summary>A mock configuration file LocalCloud refuses: where (1-based line) and why.</summary>
public sealed class MockConfigException : Exception
{
    public MockConfigException(string path, int line, string reason)
        : base($"{path}, line {line}: {reason}")
    {
        Path = path;
        Line = line;
        Reason = reason;
    }

    public MockConfigException()
    {
    }

    public MockConfigException(string message) : base(message)
    {
    }

    public MockConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public string? Path { get; }

    public int Line { get; }

    public string? Reason { get; }
}
