namespace Poc.Cli.Cli;

/// <summary>The real command handlers.</summary>
public static class PocCommands
{
    /// <summary>Handlers that talk to the endpoint.</summary>
    public static CommandHandlers Create()
    {
        // Aws.Clients is not on main yet; until it is, every cloud command says so plainly.
        static Task<int> Missing() => Task.FromResult(Say("needs Aws.Clients (StepFunctionsClient, LambdaClient, SchedulerClient), which is not built yet"));
        return new CommandHandlers(
            (_, _) => Missing(),
            (_, _) => Missing(),
            (_, _) => Missing(),
            (_, _) => Missing(),
            _ => Task.FromResult(Say("needs LocalCloud.LocalCloudServer (the embedded emulator), which is not built yet")));
    }

    private static int Say(string message)
    {
        Console.Error.WriteLine(Messages.Failed(message));
        return ExitCodes.Failed;
    }
}
