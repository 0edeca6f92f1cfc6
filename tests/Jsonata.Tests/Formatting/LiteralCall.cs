using System.Globalization;
using System.Text;

namespace Jsonata.Tests.Formatting;

/// <summary>
/// An expression that is one direct call with literal arguments (<c>$formatNumber(1234.5, "#,##0.00", {"percent": "pc"})</c>),
/// read without the engine so the suite's cases can drive the formatting API alone. Anything else is not such a call.
/// </summary>
internal sealed record LiteralCall(string Function, IReadOnlyList<object?> Arguments)
{
    /// <summary>
    /// <c>$a(…) ~> $b(…) ~> …</c>: each later call gets the previous result as its first argument. The suite checks
    /// <c>$toMillis</c> this way (<c>… ~> $fromMillis()</c>); still no engine, only the API called in turn.
    /// </summary>
    public static IReadOnlyList<LiteralCall>? TryParsePipeline(string expression)
    {
        // The suite's ISO-week cases bind one call's result and pass it on: ($ts := A; $f($ts, …)) is A ~> $f(…).
        var binding = System.Text.RegularExpressions.Regex.Match(expression,
            @"^\s*\(\s*\$(\w+)\s*:=\s*(.+?);\s*(\$\w+)\(\s*\$\1\s*,(.*)\)\s*\)\s*$", System.Text.RegularExpressions.RegexOptions.Singleline);
        if (binding.Success)
        {
            expression = binding.Groups[2].Value + " ~> " + binding.Groups[3].Value + "(" + binding.Groups[4].Value + ")";
        }

        var calls = new List<LiteralCall>();
        foreach (var segment in expression.Split("~>"))
        {
            if (TryParse(segment) is not { } call)
            {
                return null;
            }

            calls.Add(call);
        }

        return calls;
    }

    /// <summary>Stands for JSONata's <c>undefined</c> literal, distinct from <c>null</c>.</summary>
    public static readonly object Undefined = new();

    public static LiteralCall? TryParse(string expression)
    {
        var reader = new Reader(expression);
        try
        {
            reader.SkipBlanks();
            reader.Expect('$');
            var name = reader.Identifier();
            reader.SkipBlanks();
            reader.Expect('(');
            var arguments = new List<object?>();
            reader.SkipBlanks();
            if (!reader.TryConsume(')'))
            {
                do
                {
                    arguments.Add(reader.Value());
                    reader.SkipBlanks();
                }
                while (reader.TryConsume(','));

                reader.Expect(')');
            }

            reader.SkipBlanks();
            return reader.AtEnd ? new LiteralCall(name, arguments) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed class Reader(string text)
    {
        private int _pos;

        public bool AtEnd => _pos == text.Length;

        public void SkipBlanks()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        public bool TryConsume(char c)
        {
            SkipBlanks();
            if (_pos < text.Length && text[_pos] == c)
            {
                _pos++;
                return true;
            }

            return false;
        }

        public void Expect(char c)
        {
            if (!TryConsume(c))
            {
                throw new FormatException($"expected {c} at {_pos}");
            }
        }

        public string Identifier()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            return start == _pos ? throw new FormatException("expected a name") : text[start.._pos];
        }

        public object? Value()
        {
            SkipBlanks();
            if (AtEnd)
            {
                throw new FormatException("expected a value");
            }

            var c = text[_pos];
            if (c is '"' or '\'')
            {
                return String(c);
            }

            if (c == '{')
            {
                return Object();
            }

            if (c == '-' || c == '(' || char.IsAsciiDigit(c))
            {
                // A product of number literals (the suite has 2392.14*(-36.58)) is one IEEE multiplication, as in JavaScript.
                var product = Factor();
                while (TryConsume('*'))
                {
                    product *= Factor();
                }

                return product;
            }

            var word = Identifier();
            return word switch
            {
                "null" => null,
                "undefined" => Undefined,
                "true" => true,
                "false" => false,
                _ => throw new FormatException("not a literal: " + word),
            };
        }

        private Dictionary<string, string> Object()
        {
            Expect('{');
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (TryConsume('}'))
            {
                return result;
            }

            do
            {
                SkipBlanks();
                var key = _pos < text.Length && text[_pos] is '"' or '\'' ? String(text[_pos]) : throw new FormatException("key");
                Expect(':');
                result[key] = Value() as string ?? throw new FormatException("only objects of strings");
            }
            while (TryConsume(','));

            Expect('}');
            return result;
        }

        private double Factor()
        {
            SkipBlanks();
            if (TryConsume('('))
            {
                var inner = Factor();
                Expect(')');
                return inner;
            }

            return Number();
        }

        private double Number()
        {
            var start = _pos;
            if (text[_pos] == '-')
            {
                _pos++;
            }

            while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || text[_pos] is '.' or 'e' or 'E'
                || (text[_pos] is '+' or '-' && text[_pos - 1] is 'e' or 'E')))
            {
                _pos++;
            }

            return double.TryParse(text[start.._pos], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException("number");
        }

        private string String(char quote)
        {
            _pos++;
            var builder = new StringBuilder();
            while (_pos < text.Length && text[_pos] != quote)
            {
                if (text[_pos] == '\\')
                {
                    _pos++;
                    var escaped = text[_pos];
                    switch (escaped)
                    {
                        case 'n': builder.Append('\n'); break;
                        case 't': builder.Append('\t'); break;
                        case 'r': builder.Append('\r'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'u':
                            builder.Append((char)int.Parse(text.AsSpan(_pos + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            _pos += 4;
                            break;
                        default: builder.Append(escaped); break;
                    }
                }
                else
                {
                    builder.Append(text[_pos]);
                }

                _pos++;
            }

            Expect(quote);
            return builder.ToString();
        }
    }
}
