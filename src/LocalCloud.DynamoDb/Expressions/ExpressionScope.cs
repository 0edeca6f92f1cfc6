using LocalCloud.Core;
using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Expressions;

/// <summary>
/// The ExpressionAttributeNames and ExpressionAttributeValues of one request, shared by all its
/// expressions. Records which placeholders were used so the request can be rejected, as AWS does,
/// when one is defined but never used.
/// </summary>
internal sealed class ExpressionScope
{
    private readonly IReadOnlyDictionary<string, string> _names;
    private readonly IReadOnlyDictionary<string, AttributeValue> _values;
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedValues = new(StringComparer.Ordinal);

    public ExpressionScope(IReadOnlyDictionary<string, string>? names, IReadOnlyDictionary<string, AttributeValue>? values)
    {
        if (names is { Count: 0 })
        {
            throw AwsServiceException.Validation("ExpressionAttributeNames must not be empty");
        }
        if (values is { Count: 0 })
        {
            throw AwsServiceException.Validation("ExpressionAttributeValues must not be empty");
        }
        _names = names ?? new Dictionary<string, string>();
        _values = values ?? new Dictionary<string, AttributeValue>();
    }

    public static ExpressionScope Empty { get; } = new(null, null);

    public string Name(PathElement.Name element, ExpressionKind kind)
    {
        if (!element.IsPlaceholder)
        {
            if (ReservedWords.Contains(element.Text))
            {
                throw Invalid(kind, $"Attribute name is a reserved keyword; reserved keyword: {element.Text}");
            }
            return element.Text;
        }
        if (!_names.TryGetValue(element.Text, out var name))
        {
            throw Invalid(kind, $"An expression attribute name used in the document path is not defined; attribute name: {element.Text}");
        }
        _usedNames.Add(element.Text);
        return name;
    }

    public AttributeValue Value(string placeholder, ExpressionKind kind)
    {
        if (!_values.TryGetValue(placeholder, out var value))
        {
            throw Invalid(kind, $"An expression attribute value used in expression is not defined; attribute value: {placeholder}");
        }
        _usedValues.Add(placeholder);
        return value;
    }

    /// <summary>Call after every expression of the request has been validated.</summary>
    public void EnsureAllUsed()
    {
        var unusedNames = _names.Keys.Where(k => !_usedNames.Contains(k)).ToList();
        if (unusedNames.Count > 0)
        {
            throw AwsServiceException.Validation($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", unusedNames)}}}");
        }
        var unusedValues = _values.Keys.Where(k => !_usedValues.Contains(k)).ToList();
        if (unusedValues.Count > 0)
        {
            throw AwsServiceException.Validation($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", unusedValues)}}}");
        }
    }

    public static AwsServiceException Invalid(ExpressionKind kind, string message) => AwsServiceException.Validation($"Invalid {kind}: {message}");
}
