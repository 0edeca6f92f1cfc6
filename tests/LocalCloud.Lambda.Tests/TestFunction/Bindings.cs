using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

namespace TestFunction;

/// <summary>Handlers that AWS's runtime refuses to bind, and one bound through a method-level serializer (this assembly names none).</summary>
public sealed record Item(string Name);

public sealed class Bindings
{
    public static Item PocoWithoutSerializer(Item input) => input;

    [LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
    public static Dictionary<string, int> MethodSerializer(Dictionary<string, string> input, ILambdaContext context)
        => input.ToDictionary(p => p.Key, p => p.Value.Length);

    public static Stream TooMany(Stream a, Stream b, ILambdaContext context) => a;

    public static Stream SecondNotContext(Stream a, Stream b) => a;

    public static Stream Overloaded(Stream a) => a;

    public static Stream Overloaded(Stream a, ILambdaContext context) => a;

#pragma warning disable CA1030, VSTHRD100 // An 'async void' handler on purpose: the runtime must refuse it.
    public static async void AsyncVoid(Stream input) => await Task.Yield();
#pragma warning restore CA1030, VSTHRD100
}

/// <summary>AWS looks for the handler among the methods the type itself declares: an inherited one is not found.</summary>
public class HandlerBase
{
    public Stream Inherited(Stream input) => input;
}

public sealed class Derived : HandlerBase
{
}
