using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// An exception as AWS's .NET runtime reports it: {"errorType": short type name, "errorMessage", "stackTrace": [lines],
/// "cause": inner exception} (https://docs.aws.amazon.com/lambda/latest/dg/csharp-exceptions.html).
/// </summary>
internal static class ErrorDocument
{
    public static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    break;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    break;
                default:
                    return exception;
            }
        }
    }

    public static string TypeOf(Exception exception) => exception switch
    {
        InitializationException => InitializationException.ErrorType,
        ConstructorException => ConstructorException.ErrorType,
        _ => exception.GetType().Name,
    };

    public static byte[] From(Exception exception) => JsonSerializer.SerializeToUtf8Bytes(Node(exception));

    private static JsonObject Node(Exception exception)
    {
        var stack = new JsonArray();
        foreach (var line in (exception.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            stack.Add(line);
        }
        var node = new JsonObject
        {
            ["errorType"] = TypeOf(exception),
            ["errorMessage"] = exception.Message,
            ["stackTrace"] = stack,
        };
        if (exception is not InitializationException && exception.InnerException is { } inner)
        {
            // AWS keeps the TargetInvocationException of a failed constructor in the chain; elsewhere it is noise.
            node["cause"] = Node(exception is ConstructorException ? inner : Unwrap(inner));
        }
        return node;
    }
}
