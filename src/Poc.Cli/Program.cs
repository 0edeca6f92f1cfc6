using Poc.Cli.Cli;
using Spectre.Console;

if (Console.IsOutputRedirected)
{
    // Redirected output has no terminal width; Spectre's 80 columns would wrap every table row.
    AnsiConsole.Console.Profile.Width = 160;
}

var commands = new PocCommands(Environment.GetEnvironmentVariable, AnsiConsole.Console, Console.Error);
using var interruption = Interruption.ListenToSignals();
return await PocApp.RunAsync(args, commands.Handlers(), Environment.GetEnvironmentVariable, Console.Out, Console.Error, interruption);
