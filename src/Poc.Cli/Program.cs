using Poc.Cli.Cli;

return await PocApp.RunAsync(args, PocCommands.Create(), Environment.GetEnvironmentVariable, Console.Out, Console.Error);
