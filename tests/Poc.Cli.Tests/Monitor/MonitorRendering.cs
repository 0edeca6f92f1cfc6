using Spectre.Console;
using Spectre.Console.Rendering;

namespace Poc.Cli.Tests.Monitor;

/// <summary>A console writing plain text to a StringWriter, as when poc's output is redirected.</summary>
internal static class MonitorRendering
{
    public static IAnsiConsole PlainConsole(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 300;
        return console;
    }

    public static string Render(IRenderable renderable)
    {
        using var writer = new StringWriter();
        PlainConsole(writer).Write(renderable);
        return writer.ToString();
    }
}
