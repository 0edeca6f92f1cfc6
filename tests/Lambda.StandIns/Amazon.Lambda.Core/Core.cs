namespace Amazon.Lambda.Core;

// The members of AWS's Amazon.Lambda.Core 2.x that handlers use, with the same names and shapes
// (https://github.com/aws/aws-lambda-dotnet/tree/master/Libraries/src/Amazon.Lambda.Core).

public interface ILambdaContext
{
    string AwsRequestId { get; }

    IClientContext ClientContext { get; }

    string FunctionName { get; }

    string FunctionVersion { get; }

    ICognitoIdentity Identity { get; }

    string InvokedFunctionArn { get; }

    ILambdaLogger Logger { get; }

    string LogGroupName { get; }

    string LogStreamName { get; }

    int MemoryLimitInMB { get; }

    TimeSpan RemainingTime { get; }
}

public interface ILambdaLogger
{
    void Log(string message);

    void LogLine(string message);

    void Log(string level, string message) => LogLine(message);

    void Log(LogLevel level, string message) => Log(level.ToString(), message);

    void LogTrace(string message) => Log(LogLevel.Trace.ToString(), message);

    void LogDebug(string message) => Log(LogLevel.Debug.ToString(), message);

    void LogInformation(string message) => Log(LogLevel.Information.ToString(), message);

    void LogWarning(string message) => Log(LogLevel.Warning.ToString(), message);

    void LogError(string message) => Log(LogLevel.Error.ToString(), message);

    void LogCritical(string message) => Log(LogLevel.Critical.ToString(), message);
}

public enum LogLevel
{
    Trace = 0,
    Debug = 1,
    Information = 2,
    Warning = 3,
    Error = 4,
    Critical = 5,
}

public interface IClientApplication
{
    string AppPackageName { get; }

    string AppTitle { get; }

    string AppVersionCode { get; }

    string AppVersionName { get; }

    string InstallationId { get; }
}

public interface IClientContext
{
    IDictionary<string, string> Environment { get; }

    IClientApplication Client { get; }

    IDictionary<string, string> Custom { get; }
}

public interface ICognitoIdentity
{
    string IdentityId { get; }

    string IdentityPoolId { get; }
}

public interface ILambdaSerializer
{
    T Deserialize<T>(Stream requestStream);

    void Serialize<T>(T response, Stream responseStream);
}

[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Method, AllowMultiple = false)]
public sealed class LambdaSerializerAttribute : Attribute
{
    public LambdaSerializerAttribute(Type serializerType) => SerializerType = serializerType;

    public Type SerializerType { get; set; }
}

/// <summary>AWS's static logger: the runtime redirects it; on its own it writes to the console, as here.</summary>
public static class LambdaLogger
{
    public static void Log(string message) => Console.Write(message);
}
