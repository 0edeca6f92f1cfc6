using System.Reflection;

namespace LocalCloud.DynamoDb.Expressions;

/// <summary>DynamoDB's reserved words (embedded ReservedWords.txt, from AWS's published list); case-insensitive.</summary>
internal static class ReservedWords
{
    private static readonly HashSet<string> Words = Load();

    public static bool Contains(string name) => Words.Contains(name);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LocalCloud.DynamoDb.ReservedWords.txt")
            ?? throw new InvalidOperationException("ReservedWords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim());
            }
        }
        return words;
    }
}
