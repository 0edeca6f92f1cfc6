namespace LocalCloud.WebConsole;

/// <summary>
/// The sort key half of a Query's KeyConditionExpression, as the DynamoDB console offers it: the comparisons AWS
/// allows on a sort key (=, &lt;, &lt;=, &gt;, &gt;=, BETWEEN, begins_with —
/// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html#DDB-Query-request-KeyConditionExpression).
/// </summary>
internal sealed record SortCondition(string Operator, string Value, string? Upper)
{
    public static readonly IReadOnlyList<string> Operators = ["=", "<", "<=", ">", ">=", "begins_with", "between"];

    /// <summary>Null when no operator or no value was given: the query is by partition key only.</summary>
    public static SortCondition? From(string op, string value, string upper)
    {
        if (op.Length == 0 || value.Length == 0)
        {
            return null;
        }
        if (!Operators.Contains(op))
        {
            throw new ConsoleApiException("ValidationException", $"Unknown sort key comparison '{op}': use one of {string.Join(", ", Operators)}.");
        }
        if (op == "between" && upper.Length == 0)
        {
            throw new ConsoleApiException("ValidationException", "between needs both sort key values.");
        }
        return new SortCondition(op, value, op == "between" ? upper : null);
    }

    public string Expression(string attribute) => Operator switch
    {
        "begins_with" => $"begins_with({attribute}, :s1)",
        "between" => $"{attribute} BETWEEN :s1 AND :s2",
        _ => $"{attribute} {Operator} :s1",
    };

    public IEnumerable<(string Placeholder, string Value)> Values()
    {
        yield return (":s1", Value);
        if (Upper is not null)
        {
            yield return (":s2", Upper);
        }
    }

    public string Describe() => Operator switch
    {
        "begins_with" => $"begins with {Value}",
        "between" => $"between {Value} and {Upper}",
        _ => $"{Operator} {Value}",
    };

    /// <summary>The form's fields again, for the paging links (HTML-escaped ampersands).</summary>
    public string QueryString()
        => $"&amp;op={Uri.EscapeDataString(Operator)}&amp;sk={Uri.EscapeDataString(Value)}" + (Upper is null ? "" : $"&amp;sk2={Uri.EscapeDataString(Upper)}");
}
