using System.Text.Json;

namespace LocalCloud.HostileInput.Tests.Models;

/// <summary>
/// A botocore-format API model from the shared data folder (never copied into the repository): the wire spec
/// that tells the fuzzer every operation a service serves, its http trait and its modelled errors.
/// </summary>
public sealed class ApiModel
{
    private readonly JsonElement _shapes;

    private ApiModel(string file, JsonDocument document)
    {
        var root = document.RootElement;
        var metadata = root.GetProperty("metadata");
        ServiceId = metadata.GetProperty("serviceId").GetString()!;
        TargetPrefix = metadata.TryGetProperty("targetPrefix", out var prefix) ? prefix.GetString() : null;
        File = file;
        _shapes = root.GetProperty("shapes").Clone();
        Operations = [.. root.GetProperty("operations").EnumerateObject().Select(p => new ApiOperation(
            this,
            p.Name,
            p.Value.GetProperty("http").GetProperty("method").GetString()!,
            p.Value.GetProperty("http").GetProperty("requestUri").GetString()!,
            p.Value.TryGetProperty("input", out var input) ? input.GetProperty("shape").GetString() : null,
            p.Value.TryGetProperty("errors", out var errors)
                ? errors.EnumerateArray().Select(e => e.GetProperty("shape").GetString()!).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal)))];
    }

    public string ServiceId { get; }

    public string? TargetPrefix { get; }

    public string File { get; }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public JsonElement Shape(string name) => _shapes.GetProperty(name);

    /// <summary>The service's model; skips the calling test, naming the folder, when the models are not beside the repository.</summary>
    public static ApiModel Load(string service)
    {
        if (Directory is null)
        {
            Assert.Skip("../shared/data/aws-api-models not found beside the repository (or set AWS_API_MODELS_DIR): the hostile-input fuzzer needs AWS's API models.");
        }
        var file = Path.Combine(Directory, service + ".json");
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(file));
        return new ApiModel(file, document);
    }

    /// <summary>The models live beside the repository (…/shared/data/aws-api-models); AWS_API_MODELS_DIR overrides. Null when absent.</summary>
    public static string? Directory { get; } = FindDirectory();

    private static string? FindDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("AWS_API_MODELS_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "aws-api-models");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
