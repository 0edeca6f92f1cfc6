// A C# port of the function signature parser of jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT,
// © IBM Corp. 2016, 2018): a signature becomes a regex over one letter per argument type.
using System.Text;
using System.Text.RegularExpressions;

namespace Jsonata;

internal sealed class SignatureException(string code, string message, int offset) : Exception(message)
{
    public string Code { get; } = code;

    public int Offset { get; } = offset;
}

internal sealed class Signature
{
    private static readonly Dictionary<string, string> ArrayNames = new(StringComparer.Ordinal)
    {
        ["a"] = "arrays", ["b"] = "booleans", ["f"] = "functions", ["n"] = "numbers", ["o"] = "objects", ["s"] = "strings",
    };

    private sealed class Param
    {
        public string Regex = "";
        public string Type = "";
        public bool Context;
        public Regex? ContextRegex;
        public string? Subtype;
    }

    private readonly List<Param> _params;
    private readonly Regex _regex;

    private Signature(string definition, List<Param> parameters, Regex regex)
    {
        Definition = definition;
        _params = parameters;
        _regex = regex;
    }

    public string Definition { get; }

    public static Signature Parse(string signature)
    {
        var position = 1;
        var parameters = new List<Param>();
        var param = new Param();
        var prevParam = param;
        while (position < signature.Length)
        {
            var symbol = signature[position];
            if (symbol == ':')
            {
                break;
            }

            void Next()
            {
                parameters.Add(param);
                prevParam = param;
                param = new Param();
            }

            switch (symbol)
            {
                case 's':
                case 'n':
                case 'b':
                case 'l':
                case 'o':
                    param.Regex = "[" + symbol + "m]";
                    param.Type = symbol.ToString();
                    Next();
                    break;
                case 'a':
                    param.Regex = "[asnblfom]";
                    param.Type = "a";
                    Next();
                    break;
                case 'f':
                    param.Regex = "f";
                    param.Type = "f";
                    Next();
                    break;
                case 'j':
                    param.Regex = "[asnblom]";
                    param.Type = "j";
                    Next();
                    break;
                case 'x':
                    param.Regex = "[asnblfom]";
                    param.Type = "x";
                    Next();
                    break;
                case '-':
                    prevParam.Context = true;
                    prevParam.ContextRegex = new Regex(prevParam.Regex, RegexOptions.CultureInvariant);
                    prevParam.Regex += "?";
                    break;
                case '?':
                case '+':
                    prevParam.Regex += symbol;
                    break;
                case '(':
                    var endParen = FindClosingBracket(signature, position, '(', ')');
                    var choice = signature[(position + 1)..Math.Min(endParen, signature.Length)];
                    if (!choice.Contains('<', StringComparison.Ordinal))
                    {
                        param.Regex = "[" + choice + "m]";
                    }
                    else
                    {
                        throw new SignatureException("S0402", "Choice groups containing parameterized types are not supported", position);
                    }

                    param.Type = "(" + choice + ")";
                    position = endParen;
                    Next();
                    break;
                case '<':
                    if (prevParam.Type is "a" or "f")
                    {
                        var endPos = FindClosingBracket(signature, position, '<', '>');
                        prevParam.Subtype = signature[(position + 1)..Math.Min(endPos, signature.Length)];
                        position = endPos;
                    }
                    else
                    {
                        throw new SignatureException("S0401", "Type parameters can only be applied to functions and arrays", position);
                    }

                    break;
            }

            position++;
        }

        var regexStr = new StringBuilder("^");
        foreach (var p in parameters)
        {
            regexStr.Append('(').Append(p.Regex).Append(')');
        }

        regexStr.Append('$');
        return new Signature(signature, parameters, new Regex(regexStr.ToString(), RegexOptions.CultureInvariant));
    }

    private static int FindClosingBracket(string str, int start, char open, char close)
    {
        var depth = 1;
        var position = start;
        while (position < str.Length)
        {
            position++;
            var symbol = position < str.Length ? str[position] : '\0';
            if (symbol == close)
            {
                depth--;
                if (depth == 0)
                {
                    break;
                }
            }
            else if (symbol == open)
            {
                depth++;
            }
        }

        return position;
    }

    internal static char GetSymbol(object? value) => value switch
    {
        JFunction => 'f',
        string => 's',
        double => 'n',
        bool => 'b',
        JNull => 'l',
        JList => 'a',
        JObject => 'o',
        _ => 'm',
    };

    public object?[] Validate(object?[] args, object? context)
    {
        var supplied = new StringBuilder(args.Length);
        foreach (var arg in args)
        {
            supplied.Append(GetSymbol(arg));
        }

        var suppliedSig = supplied.ToString();
        var isValid = _regex.Match(suppliedSig);
        if (!isValid.Success)
        {
            ThrowValidationError(args, suppliedSig);
        }

        var validated = new List<object?>(args.Length + 1);
        var argIndex = 0;
        for (var index = 0; index < _params.Count; index++)
        {
            var param = _params[index];
            var arg = argIndex < args.Length ? args[argIndex] : null;
            var match = isValid.Groups[index + 1].Value;
            if (match.Length == 0)
            {
                if (param.Context && param.ContextRegex is not null)
                {
                    var contextType = GetSymbol(context);
                    if (param.ContextRegex.IsMatch(contextType.ToString()))
                    {
                        validated.Add(context);
                    }
                    else
                    {
                        throw new JsonataException("T0411", $"Context value is not a compatible type with argument {argIndex + 1} of function", null, null) { Value = context, Index = argIndex + 1 };
                    }
                }
                else
                {
                    validated.Add(arg);
                    argIndex++;
                }
            }
            else
            {
                foreach (var single in match)
                {
                    arg = argIndex < args.Length ? args[argIndex] : null;
                    if (param.Type == "a")
                    {
                        if (single == 'm')
                        {
                            arg = null;
                        }
                        else
                        {
                            var arrayOk = true;
                            if (param.Subtype is not null)
                            {
                                if (single != 'a' && match != param.Subtype)
                                {
                                    arrayOk = false;
                                }
                                else if (single == 'a' && arg is JList list && list.Count > 0)
                                {
                                    var itemType = GetSymbol(list[0]);
                                    arrayOk = itemType == param.Subtype[0] && list.All(v => GetSymbol(v) == itemType);
                                }
                            }

                            if (!arrayOk)
                            {
                                var typeName = ArrayNames.GetValueOrDefault(param.Subtype ?? "", param.Subtype ?? "");
                                throw new JsonataException("T0412", $"Argument {argIndex + 1} of function must be an array of {typeName}") { Value = arg, Index = argIndex + 1 };
                            }

                            if (single != 'a')
                            {
                                arg = new JList { arg };
                            }
                        }
                    }

                    validated.Add(arg);
                    argIndex++;
                }
            }
        }

        return [.. validated];
    }

    private void ThrowValidationError(object?[] args, string badSig)
    {
        var partial = new StringBuilder("^");
        var goodTo = 0;
        foreach (var param in _params)
        {
            partial.Append(param.Regex);
            var match = Regex.Match(badSig, partial.ToString(), RegexOptions.CultureInvariant);
            if (!match.Success)
            {
                break;
            }

            goodTo = match.Length;
        }

        throw new JsonataException("T0410", $"Argument {goodTo + 1} of function does not match function signature")
        {
            Value = goodTo < args.Length ? args[goodTo] : null,
            Index = goodTo + 1,
        };
    }
}
