using LocalCloud;

var root = LocalCloudCommandLine.Build(async (options, cancellationToken) =>
{
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
