namespace Poc.Cli.Deploy;

/// <summary>The built deployment package.</summary>
/// <param name="ZipPath">The zip on disk.</param>
/// <param name="Rebuilt">False when the zip was already newer than its sources.</param>
/// <param name="CodeSha256">Base64 SHA-256 of the zip, as Lambda reports CodeSha256, so an unchanged upload can be skipped.</param>
/// <param name="SizeBytes">The zip's size.</param>
public sealed record FunctionPackage(string ZipPath, bool Rebuilt, string CodeSha256, long SizeBytes);
