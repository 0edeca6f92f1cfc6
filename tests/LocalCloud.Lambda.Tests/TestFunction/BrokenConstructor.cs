namespace TestFunction;

/// <summary>A handler type whose constructor fails: the runtime must report an init error.</summary>
public sealed class BrokenConstructor
{
    private readonly string _prefix;

    public BrokenConstructor()
    {
        _prefix = "never";
        throw new InvalidOperationException("constructor failed");
    }

    public string Handle(string input) => _prefix + input;
}
