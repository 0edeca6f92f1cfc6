using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace LocalCloud;

/// <summary>
/// LocalCloud's command line: its options, their checks, and the <see cref="LocalCloudOptions"/> they make. Kept out of
/// Program.cs so that tests (the docs check among them) parse command lines with the very definitions users get.
/// </summary>
public static class LocalCloudCommandLine
{
    /// <summary>Builds the command; <paramref name="run"/> gets the options once they are valid and returns the exit code.</summary>
    public static RootCommand Build(Func<LocalCloudOptions, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var port = new Option<int>("--port") { Description = "Port to listen on (0 picks a free one).", DefaultValueFactory = _ => 4566 };
        var host = new Option<string>("--host") { Description = "Address to bind (default 127.0.0.1). Anything but loopback exposes LocalCloud to the network: add --require-auth.", DefaultValueFactory = _ => "127.0.0.1" };
        var requireAuth = new Option<bool>("--require-auth") { Description = "Verify the SigV4 signature of every request against --credentials (health and the Lambda Runtime API stay open)." };
        var credentials = new Option<string[]>("--credentials") { Description = "ACCESS_KEY:SECRET accepted under --require-auth; repeatable. Default: LOCALCLOUD_CREDENTIALS (comma-separated pairs).", AllowMultipleArgumentsPerToken = true };
        var data = new Option<string?>("--data") { Description = "Keep all state in DIR (SQLite, DIR/localcloud.db; function code under DIR/lambda) so it survives a crash or restart. Without it, state lasts as long as the process." };
        var scale = new Option<double>("--schedule-time-scale") { Description = "Local-only: multiply schedule intervals by this (0.05 makes rate(1 minute) fire every 3 s).", DefaultValueFactory = _ => 1.0 };
        var consoleActions = new Option<bool>("--console-actions") { Description = "Let the web console at /_localcloud/console start and stop executions and send task callbacks although --host is not loopback (on loopback it always may)." };
        var mockConfig = new Option<string?>("--mock-config") { Description = "A Step Functions Local mock configuration file: StartExecution on stateMachineArn#TestCase runs that test case with mocked Task responses. Default: LOCALCLOUD_MOCK_CONFIG. Reloaded when the file changes." };
        var lambdaWorkers = new Option<int>("--lambda-workers") { Description = "Local-only: Lambda execution environments (worker processes) one function may run at once; invocations beyond wait for one (default: one per processor, 2 to 4).", DefaultValueFactory = _ => Lambda.LambdaOptions.DefaultMaxWorkersPerFunction };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Minimum log level.", DefaultValueFactory = _ => LogLevel.Information };

        var root = new RootCommand("LocalCloud: Step Functions, Lambda, DynamoDB and EventBridge Scheduler on one port, speaking AWS's wire protocols.")
        {
            port, host, data, scale, lambdaWorkers, logLevel, requireAuth, credentials, consoleActions, mockConfig,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(scale) is var s && (s <= 0 || double.IsNaN(s)))
            {
                await Console.Error.WriteLineAsync("--schedule-time-scale must be a positive number.").ConfigureAwait(false);
                return 2;
            }
            if (parse.GetValue(lambdaWorkers) is < 1)
            {
                await Console.Error.WriteLineAsync("--lambda-workers must be at least 1.").ConfigureAwait(false);
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
            var mocks = parse.GetValue(mockConfig) is { Length: > 0 } flag ? flag
                : Environment.GetEnvironmentVariable("LOCALCLOUD_MOCK_CONFIG") is { Length: > 0 } fromEnv ? fromEnv : null;
            if (mocks is not null)
            {
                try
                {
                    StepFunctions.Mocks.MockConfigLoader.LoadFile(mocks);
                }
                catch (StepFunctions.Mocks.MockConfigException e)
                {
                    // Refused before anything listens: a test run against a misread mock file would call real integrations.
                    await Console.Error.WriteLineAsync($"LocalCloud refuses the mock configuration: {e.Message}").ConfigureAwait(false);
                    return 2;
                }
            }
            return await run(new LocalCloudOptions
            {
                Port = parse.GetValue(port),
                Host = bindHost,
                DataDirectory = parse.GetValue(data),
                ScheduleTimeScale = parse.GetValue(scale),
                LambdaWorkersPerFunction = parse.GetValue(lambdaWorkers),
                MinimumLogLevel = parse.GetValue(logLevel),
                RequireAuth = auth,
                Credentials = keys.Credentials,
                ConsoleActions = parse.GetValue(consoleActions),
                MockConfigPath = mocks,
            }, cancellationToken).ConfigureAwait(false);
        });
        return root;
    }
}
