namespace LocalCloud.Lambda.Functions;

/// <summary>An uploaded zip: kept as a file beside its extracted folder (the worker's LAMBDA_TASK_ROOT).</summary>
/// <param name="Sha256">Base64 of the zip's SHA-256, as Lambda reports CodeSha256.</param>
internal sealed record FunctionCode(string ZipPath, string TaskRoot, long Size, string Sha256);
