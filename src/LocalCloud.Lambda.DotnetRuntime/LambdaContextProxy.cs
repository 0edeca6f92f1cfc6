using System.Globalization;
using System.Reflection;

namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// The function's own ILambdaContext interface (from the Amazon.Lambda.Core it ships), implemented at run time by
/// DispatchProxy: each getter is answered by name, so any version of the package binds. ClientContext and Identity are
/// null, as on AWS for invocations that are not from the mobile SDK.
/// </summary>
public class LambdaContextProxy : DispatchProxy
{
    private InvocationInfo? _invocation;
    private object? _logger;

    internal static object Create(Type contextType, InvocationInfo invocation, LambdaLog log)
    {
        var proxy = DispatchProxy.Create(contextType, typeof(LambdaContextProxy));
        var self = (LambdaContextProxy)proxy;
        self._invocation = invocation;
        var loggerType = contextType.GetProperty("Logger")?.PropertyType;
        self._logger = loggerType is { IsInterface: true } ? LambdaLoggerProxy.Create(loggerType, log) : null;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var invocation = _invocation!;
        return targetMethod?.Name switch
        {
            "get_AwsRequestId" => invocation.RequestId,
            "get_FunctionName" => Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME"),
            "get_FunctionVersion" => Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_VERSION"),
            "get_InvokedFunctionArn" => invocation.InvokedFunctionArn,
            "get_LogGroupName" => Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_GROUP_NAME"),
            "get_LogStreamName" => Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_STREAM_NAME"),
            "get_MemoryLimitInMB" => int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) ? mb : 0,
            "get_RemainingTime" => invocation.RemainingTime,
            "get_Logger" => _logger,
            "get_TraceId" => Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"),
            // Members of later package versions that LocalCloud has no value for: the type's default.
            _ => targetMethod is { ReturnType.IsValueType: true } m && m.ReturnType != typeof(void) ? Activator.CreateInstance(m.ReturnType) : null,
        };
    }
}
