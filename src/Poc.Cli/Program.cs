using Poc.Cli.Cli;
using Spectre.Console;

var commands = new PocCommands(Environment.GetEnvironmentVariable, AnsiConsole.Console, Console.Error);
return await PocApp.RunAsync(args, commands.Handlers(), Environment.GetEnvironmentVariable, Console.Out, Console.Error);
