using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.JsonPath;

namespace LocalCloud.StepFunctions.Asl.Intrinsics;

/// <summary>
/// The intrinsic function syntax of ASL's JSONPath mode: <c>States.Name(arg, …)</c> where an argument is a
/// string in single quotes (escapes <c>\'</c> <c>\{</c> <c>\}</c> <c>\\</c>), a number, true/false/null, a path or
/// another call; at most 10 calls nested in one field
/// (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).
/// </summary>
public sealed class IntrinsicParser
{
    public const int MaxNesting = 10;

    private readonly string _text;
    private int _pos;

    private IntrinsicParser(string text) => _text = text;

    public static bool TryParse(string text, out IntrinsicNode.FunctionCall? call, out string? error)
    {
        call = null;
        error = null;
        try
        {
            var parser = new IntrinsicParser(text);
            parser.SkipSpace();
            var parsed = parser.ParseCall(1);
            parser.SkipSpace();
            if (parser._pos != text.Length)
            {
                throw parser.Fail("unexpected text after the closing ')'");
            }
            call = parsed;
            return true;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    public static IntrinsicNode.FunctionCall Parse(string text)
        => TryParse(text, out var call, out var error) ? call! : throw new StatesFailureException(StatesErrors.IntrinsicFailure, $"Invalid intrinsic function '{text}': {error}");

    private IntrinsicNode.FunctionCall ParseCall(int depth)
    {
        if (depth > MaxNesting)
        {
            throw Fail($"at most {MaxNesting} intrinsic functions may be nested");
        }
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }
        var name = _text[start.._pos];
        if (!IntrinsicFunctions.TryGetArity(name, out var min, out var max))
        {
            throw Fail($"'{name}' is not an intrinsic function");
        }
        SkipSpace();
        Expect('(');
        var args = new List<IntrinsicNode>();
        SkipSpace();
        if (Peek() == ')')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                SkipSpace();
                args.Add(ParseArgument(depth));
                SkipSpace();
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }
                Expect(')');
                break;
            }
        }
        if (args.Count < min || args.Count > max)
        {
            var expected = min == max ? min.ToString(CultureInfo.InvariantCulture)
                : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw Fail($"{name} takes {expected} argument(s), got {args.Count}");
        }
        return new IntrinsicNode.FunctionCall(name, args);
    }

    private IntrinsicNode ParseArgument(int depth)
    {
        var c = Peek();
        if (c == '\'')
        {
            return ParseString();
        }
        if (c == '$')
        {
            return ParsePath();
        }
        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ParseNumber();
        }
        foreach (var (word, value) in new (string, JsonNode?)[] { ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)), ("null", null) })
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0 && !IsWordChar(_pos + word.Length))
            {
                _pos += word.Length;
                return new IntrinsicNode.Literal(value);
            }
        }
        if (string.CompareOrdinal(_text, _pos, "States.", 0, 7) == 0)
        {
            return ParseCall(depth + 1);
        }
        throw Fail("expected a string, number, boolean, null, path or intrinsic function");
    }

    private IntrinsicNode.Literal ParseString()
    {
        _pos++;
        var raw = new StringBuilder();
        var value = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != '\'')
        {
            var c = _text[_pos++];
            if (c == '\\')
            {
                if (_pos >= _text.Length)
                {
                    break;
                }
                var escaped = _text[_pos++];
                raw.Append(c).Append(escaped);
                value.Append(escaped);
                continue;
            }
            raw.Append(c);
            value.Append(c);
        }
        Expect('\'');
        return new IntrinsicNode.Literal(JsonValue.Create(value.ToString()), raw.ToString());
    }

    private IntrinsicNode.Path ParsePath()
    {
        var start = _pos;
        var depth = 0;
        char? quote = null;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    _pos++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (depth > 0 && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (depth == 0 && (c is ',' or ')' || char.IsWhiteSpace(c)))
            {
                break;
            }
            _pos++;
        }
        var text = _text[start.._pos];
        if (!PathReference.TryParse(text, out _, out var error))
        {
            throw Fail($"invalid path '{text}': {error}");
        }
        return new IntrinsicNode.Path(text);
    }

    private IntrinsicNode.Literal ParseNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is '-' or '+' or '.' or 'e' or 'E'))
        {
            _pos++;
        }
        var text = _text[start.._pos];
        try
        {
            return new IntrinsicNode.Literal(JsonNode.Parse(text));
        }
        catch (System.Text.Json.JsonException)
        {
            throw Fail($"invalid number '{text}'");
        }
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private bool IsWordChar(int at) => at < _text.Length && (char.IsAsciiLetterOrDigit(_text[at]) || _text[at] == '_');

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Fail($"expected '{c}'");
        }
        _pos++;
    }

    private FormatException Fail(string message) => new($"{message} at position {_pos.ToString(CultureInfo.InvariantCulture)}");
}
