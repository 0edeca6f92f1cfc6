using System.Globalization;
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

    public static async Task<int> RunAsync()
    {
        var runtimeApi = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrEmpty(runtimeApi))
        {
            await Console.Error.WriteLineAsync("AWS_LAMBDA_RUNTIME_API is not set: this program runs inside a Lambda worker.").ConfigureAwait(false);
            return 2;
        }
        // One stream for the function's output, so stdout and stderr lines keep their order in the log.
        Console.SetError(Console.Out);
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
            Console.WriteLine($"{Timestamp()}\tfail\t{error}");
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
            await RunOneAsync(client, handler, invocation).ConfigureAwait(false);
        }
    }

    private static async Task RunOneAsync(RuntimeApiClient client, HandlerInvoker handler, NextInvocation invocation)
    {
        var remaining = DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(invocation.DeadlineMs, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())) - DateTimeOffset.UtcNow;
        // The token fires a little before the deadline (1 s, or half the time left when that is shorter), so a
        // handler that honours it can still answer before Lambda stops the worker.
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, Math.Max(0, remaining.Ticks / 2)));
        var untilCancel = remaining - margin;
        using var deadline = new CancellationTokenSource(untilCancel > TimeSpan.Zero ? untilCancel : TimeSpan.Zero);
        byte[] output;
        try
        {
            output = await handler.InvokeAsync(invocation.Payload, deadline.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the function throws is reported to Lambda as its error.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = ErrorDocument.Unwrap(e);
            Console.WriteLine($"{Timestamp()}\t{invocation.RequestId}\tfail\t{error}");
            EndOfInvocation(invocation.RequestId);
            await client.PostErrorAsync(invocation.RequestId, ErrorDocument.From(error), ErrorDocument.TypeOf(error)).ConfigureAwait(false);
            return;
        }
        EndOfInvocation(invocation.RequestId);
        await client.PostResponseAsync(invocation.RequestId, output).ConfigureAwait(false);
    }

    private static void EndOfInvocation(string requestId)
    {
        Console.Out.Write(EndOfInvocationMarker + requestId + "\n");
        Console.Out.Flush();
    }

    private static string Timestamp() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
