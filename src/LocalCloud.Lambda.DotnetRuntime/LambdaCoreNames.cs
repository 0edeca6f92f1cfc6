namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// The Amazon.Lambda.Core types the runtime binds, by full name: the function ships its own copy of that package, and
/// the host has no compile-time reference to it (AWS's RuntimeSupport matches these names too).
/// </summary>
internal static class LambdaCoreNames
{
    public const string Context = "Amazon.Lambda.Core.ILambdaContext";
    public const string Logger = "Amazon.Lambda.Core.ILambdaLogger";
    public const string Serializer = "Amazon.Lambda.Core.ILambdaSerializer";
    public const string SerializerAttribute = "Amazon.Lambda.Core.LambdaSerializerAttribute";

    public static bool IsContext(Type type) => type.IsInterface && type.FullName == Context;
}
