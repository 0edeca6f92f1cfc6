using System.Net.Http;

namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// The runtime loop: load the handler once (init), then next → invoke → response/error until the process is
/// stopped. Environment as Lambda sets it: AWS_LAMBDA_RUNTIME_API, _HANDLER, LAMBDA_TASK_ROOT.
/// </summary>
internal static class RuntimeHost
{
    /// <summary>Must match LocalCloud.Lambda's Worker.EndOfInvocationMarker: tells the service all output of an invocation has been written.</summary>
    private const string EndOfInvocationMarker = "\u001fLOCALCLOUD_END ";

    /// <summary>
    /// Must match LocalCloud.Lambda's Worker.OutOfMemoryExitCode: the worker ran out of the heap its MemorySize allows
    /// (DOTNET_GCHeapHardLimit), and exits so the service answers Runtime.OutOfMemory and starts a fresh one.
    /// </summary>
    private const int OutOfMemoryExitCode = 124;

    public static async Task<int> RunAsync()
    {
        var runtimeApi = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrEmpty(runtimeApi))
        {
            await Console.Error.WriteLineAsync("AWS_LAMBDA_RUNTIME_API is not set: this program runs inside a Lambda worker.").ConfigureAwait(false);
            return 2;
        }
        // One stream for the function's output, in the managed runtime's log format, so stdout and stderr keep their order.
        var log = new LambdaLog(Console.OpenStandardOutput());
        Console.SetOut(log.ConsoleWriter("info"));
        Console.SetError(log.ConsoleWriter("fail"));
        using var client = new RuntimeApiClient(runtimeApi);

        HandlerInvoker handler;
        try
        {
            var taskRoot = Environment.GetEnvironmentVariable("LAMBDA_TASK_ROOT") ?? Directory.GetCurrentDirectory();
            handler = HandlerInvoker.Load(Environment.GetEnvironmentVariable("_HANDLER"), taskRoot);
        }
#pragma warning disable CA1031 // Any failure of user code at init must reach /init/error, whatever its type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = ErrorDocument.Unwrap(e);
            log.Write("fail", error.ToString());
            await client.PostInitErrorAsync(ErrorDocument.From(error), ErrorDocument.TypeOf(error)).ConfigureAwait(false);
            return 1;
        }

        while (true)
        {
            NextInvocation invocation;
            try
            {
                invocation = await client.NextAsync().ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                // The service is gone (shut down, or it stopped this worker): nothing more to run.
                return 0;
            }
            if (!await RunOneAsync(client, handler, invocation, log).ConfigureAwait(false))
            {
                return OutOfMemoryExitCode;
            }
        }
    }

    /// <returns>False when the worker ran out of memory and must not be reused.</returns>
    private static async Task<bool> RunOneAsync(RuntimeApiClient client, HandlerInvoker handler, NextInvocation invocation, LambdaLog log)
    {
        log.RequestId = invocation.RequestId;
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
        var info = new InvocationInfo(invocation.RequestId, invocation.InvokedFunctionArn, invocation.DeadlineMs);
        var remaining = info.RemainingTime;
        // The token fires a little before the deadline (1 s, or half the time left when that is shorter), so a
        // handler that honours it can still answer before Lambda stops the worker.
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, Math.Max(0, remaining.Ticks / 2)));
        var untilCancel = remaining - margin;
        using var deadline = new CancellationTokenSource(untilCancel > TimeSpan.Zero ? untilCancel : TimeSpan.Zero);
        byte[] output;
        try
        {
            output = await handler.InvokeAsync(invocation.Payload, info, log, deadline.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the function throws is reported to Lambda as its error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = ErrorDocument.Unwrap(e);
            if (error is OutOfMemoryException)
            {
                // AWS ends an environment that exceeds its memory; the service words the error (Runtime.OutOfMemory).
                log.Write("fail", error.ToString());
                EndOfInvocation(log, invocation.RequestId);
                return false;
            }
            log.Write("fail", error.ToString());
            EndOfInvocation(log, invocation.RequestId);
            await client.PostErrorAsync(invocation.RequestId, ErrorDocument.From(error), ErrorDocument.TypeOf(error)).ConfigureAwait(false);
            return true;
        }
        EndOfInvocation(log, invocation.RequestId);
        await client.PostResponseAsync(invocation.RequestId, output).ConfigureAwait(false);
        return true;
    }

    private static void EndOfInvocation(LambdaLog log, string requestId)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        log.WriteRaw(EndOfInvocationMarker + requestId + "\n");
    }
}
