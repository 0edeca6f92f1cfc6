using Microsoft.Extensions.Logging;

namespace LocalCloud;

/// <summary>How to run LocalCloud: where it listens, where it keeps state, how fast schedules fire.</summary>
public sealed record LocalCloudOptions
{
    /// <summary>127.0.0.1 unless the user asks otherwise: LocalCloud checks no credentials unless <see cref="RequireAuth"/>.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 4566;

    /// <summary>Where durable state goes; null keeps everything in memory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// Local-only: multiplies schedule intervals (0.05 makes rate(1 minute) fire every 3 s). The stored
    /// expression stays AWS-valid; 1 is AWS's timing.
    /// </summary>
    public double ScheduleTimeScale { get; init; } = 1.0;

    /// <summary>
    /// Local-only: Lambda environments (worker processes) one function may run at once; invocations beyond wait for one.
    /// AWS would start another environment instead; the default, one per processor from 2 to 4, is decision 0012.
    /// </summary>
    public int LambdaWorkersPerFunction { get; init; } = Lambda.LambdaOptions.DefaultMaxWorkersPerFunction;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>
    /// Verify the SigV4 signature of every request (except /_localcloud/health and the Lambda Runtime API) against
    /// <see cref="Credentials"/>. Off by default, as LocalStack: any key signs.
    /// </summary>
    public bool RequireAuth { get; init; }

    /// <summary>Access key id → secret access key accepted under <see cref="RequireAuth"/>.</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Let the web console (/_localcloud/console) act — start, stop, send task callbacks — although LocalCloud is bound
    /// to an address other than loopback. On loopback it always may; elsewhere it is read-only unless this is set.
    /// </summary>
    public bool ConsoleActions { get; init; }

    /// <summary>Largest request body accepted; Lambda's CreateFunction carries a base64 zip of up to 50 MB.</summary>
    public long MaxRequestBodyBytes { get; init; } = 80L * 1024 * 1024;

    /// <summary>
    /// A Step Functions Local mock configuration file (--mock-config, or LOCALCLOUD_MOCK_CONFIG): StartExecution on
    /// stateMachineArn#TestCase runs that test case with its mocked responses. Reloaded when the file changes.
    /// </summary>
    public string? MockConfigPath { get; init; }
}
