using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Persistence;

/// <summary>
/// A function record as the durable store keeps it: the record's own JSON plus "v". Code paths are stored relative to
/// the data directory, so a data directory that moves (or is mounted elsewhere) still finds its zips.
/// </summary>
internal static class FunctionJson
{
    private const int Version = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(FunctionRecord function, string dataDirectory)
    {
        var stored = function with { Code = Relative(function.Code, dataDirectory)!, PendingCode = Relative(function.PendingCode, dataDirectory) };
        var json = JsonSerializer.SerializeToNode(stored, Options)!.AsObject();
        json.Insert(0, "v", Version);
        return json.ToJsonString(Options);
    }

    /// <exception cref="InvalidDataException">Not a record this version of LocalCloud wrote.</exception>
    public static FunctionRecord Read(string value, string dataDirectory)
    {
        try
        {
            var json = JsonNode.Parse(value)?.AsObject() ?? throw new InvalidDataException("A stored Lambda function is null.");
            if (json["v"]?.GetValue<int>() != Version)
            {
                throw new InvalidDataException($"A stored Lambda function has version {json["v"]?.ToJsonString() ?? "none"}; this LocalCloud reads version {Version}.");
            }
            var function = json.Deserialize<FunctionRecord>(Options) ?? throw new InvalidDataException("A stored Lambda function is null.");
            return function with { Code = Absolute(function.Code, dataDirectory)!, PendingCode = Absolute(function.PendingCode, dataDirectory) };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException("A stored Lambda function could not be read: " + e.Message, e);
        }
    }

    private static FunctionCode? Relative(FunctionCode? code, string dataDirectory) => code is null ? null : code with
    {
        ZipPath = Path.GetRelativePath(dataDirectory, code.ZipPath),
        TaskRoot = Path.GetRelativePath(dataDirectory, code.TaskRoot),
    };

    private static FunctionCode? Absolute(FunctionCode? code, string dataDirectory) => code is null ? null : code with
    {
        ZipPath = Path.GetFullPath(Path.Combine(dataDirectory, code.ZipPath)),
        TaskRoot = Path.GetFullPath(Path.Combine(dataDirectory, code.TaskRoot)),
    };
}
