using Microsoft.Extensions.Logging;

namespace LocalCloud;

internal static partial class Logs
{
    [LoggerMessage(Level = LogLevel.Information, Message = "LocalCloud listening on {BaseUrl}: {Services}")]
    public static partial void Listening(ILogger logger, Uri baseUrl, string services);

    [LoggerMessage(Level = LogLevel.Information, Message = "Console: {ConsoleUrl}")]
    public static partial void Console(ILogger logger, Uri consoleUrl);
}
