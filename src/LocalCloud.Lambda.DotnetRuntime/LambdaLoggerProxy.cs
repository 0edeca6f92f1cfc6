using System.Reflection;

namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// ILambdaContext.Logger: every Log* method of the function's ILambdaLogger, whatever its package version, writes one
/// log entry at the level the method names (Log/LogLine carry none: "info").
/// </summary>
public class LambdaLoggerProxy : DispatchProxy
{
    private LambdaLog? _log;

    internal static object Create(Type loggerType, LambdaLog log)
    {
        var proxy = DispatchProxy.Create(loggerType, typeof(LambdaLoggerProxy));
        ((LambdaLoggerProxy)proxy)._log = log;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is null || args is null || !targetMethod.Name.StartsWith("Log", StringComparison.Ordinal))
        {
            return null;
        }
        var strings = args.Where(a => a is string or Enum).Select(a => a!.ToString()!).ToList();
        var level = targetMethod.Name switch
        {
            "Log" or "LogLine" when strings.Count >= 2 => strings[0],
            "Log" or "LogLine" => "Information",
            var name => name["Log".Length..],
        };
        var message = targetMethod.Name is "Log" or "LogLine" && strings.Count >= 2 ? strings[1] : strings.FirstOrDefault() ?? string.Empty;
        if (args.OfType<Exception>().FirstOrDefault() is { } exception)
        {
            message += Environment.NewLine + exception;
        }
        _log!.Write(level, message);
        return null;
    }
}
