using System.CommandLine;
using LocalCloud;
using Microsoft.Extensions.Logging;

var port = new Option<int>("--port") { Description = "Port to listen on (0 picks a free one).", DefaultValueFactory = _ => 4566 };
var host = new Option<string>("--host") { Description = "Address to bind (default 127.0.0.1). Anything but loopback exposes LocalCloud to the network: add --require-auth.", DefaultValueFactory = _ => "127.0.0.1" };
var requireAuth = new Option<bool>("--require-auth") { Description = "Verify the SigV4 signature of every request against --credentials (health and the Lambda Runtime API stay open)." };
var credentials = new Option<string[]>("--credentials") { Description = "ACCESS_KEY:SECRET accepted under --require-auth; repeatable. Default: LOCALCLOUD_CREDENTIALS (comma-separated pairs).", AllowMultipleArgumentsPerToken = true };
var data = new Option<string?>("--data") { Description = "Keep all state in DIR (SQLite, DIR/localcloud.db; function code under DIR/lambda) so it survives a crash or restart. Without it, state lives in memory." };
var scale = new Option<double>("--schedule-time-scale") { Description = "Local-only: multiply schedule intervals by this (0.05 makes rate(1 minute) fire every 3 s).", DefaultValueFactory = _ => 1.0 };
var logLevel = new Option<LogLevel>("--log-level") { Description = "Minimum log level.", DefaultValueFactory = _ => LogLevel.Information };

var root = new RootCommand("LocalCloud: Step Functions, Lambda, DynamoDB and EventBridge Scheduler on one port, speaking AWS's wire protocols.")
{
    port, host, data, scale, logLevel, requireAuth, credentials,
};
root.SetAction(async (parse, cancellationToken) =>
{
    if (parse.GetValue(scale) is var s && (s <= 0 || double.IsNaN(s)))
    {
        await Console.Error.WriteLineAsync("--schedule-time-scale must be a positive number.").ConfigureAwait(false);
        return 2;
    }
    var keys = CredentialList.Parse(parse.GetValue(credentials) is { Length: > 0 } given ? given : (Environment.GetEnvironmentVariable("LOCALCLOUD_CREDENTIALS") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    if (keys.Error is { } credentialError)
    {
        await Console.Error.WriteLineAsync(credentialError).ConfigureAwait(false);
        return 2;
    }
    var auth = parse.GetValue(requireAuth);
    if (auth && keys.Credentials.Count == 0)
    {
        await Console.Error.WriteLineAsync("--require-auth needs at least one --credentials ACCESS_KEY:SECRET (or LOCALCLOUD_CREDENTIALS).").ConfigureAwait(false);
        return 2;
    }
    var bindHost = parse.GetValue(host) ?? "127.0.0.1";
    if (bindHost is not ("127.0.0.1" or "localhost" or "::1"))
    {
        await Console.Error.WriteLineAsync(auth
            ? $"warning: binding {bindHost}; anyone who can reach this address and holds a configured key can use LocalCloud, over plain HTTP."
            : $"warning: binding {bindHost} without --require-auth; LocalCloud accepts any credentials, so anyone who can reach this address can use it.").ConfigureAwait(false);
    }
    var options = new LocalCloudOptions
    {
        Port = parse.GetValue(port),
        Host = bindHost,
        DataDirectory = parse.GetValue(data),
        ScheduleTimeScale = parse.GetValue(scale),
        MinimumLogLevel = parse.GetValue(logLevel),
        RequireAuth = auth,
        Credentials = keys.Credentials,
    };
    try
    {
        await using var server = await LocalCloudServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        var stopped = new TaskCompletionSource();
        using var registration = cancellationToken.Register(() => stopped.TrySetResult());
        await stopped.Task.ConfigureAwait(false);
        return 0;
    }
    catch (IOException e)
    {
        await Console.Error.WriteLineAsync($"LocalCloud could not listen on {options.Host}:{options.Port}: {e.Message}").ConfigureAwait(false);
        return 1;
    }
#pragma warning disable CA1031 // A store that cannot be read (corrupt, newer format, locked) must end with a message, not a stack trace.
    catch (Exception e) when (options.DataDirectory is not null && e is not OperationCanceledException)
#pragma warning restore CA1031
    {
        await Console.Error.WriteLineAsync($"LocalCloud could not load its state from {options.DataDirectory}: {e.Message}").ConfigureAwait(false);
        return 1;
    }
});
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
