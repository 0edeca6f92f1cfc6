
namespace LocalCloud.Lambda.Api.Shapes;

internal sealed record FunctionCodeInput
{
    /// <summary>Base64 on the wire; System.Text.Json decodes it into bytes.</summary>
    public byte[]? ZipFile { get; init; }
    public string? S3Bucket { get; init; }
    public string? S3Key { get; init; }
    public string? ImageUri { get; init; }
}
