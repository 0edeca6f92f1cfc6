// A C# port of the tokenizer and parser of jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT,
// © IBM Corp. 2016, 2018): Pratt's top-down operator precedence, then the same AST post-processing (paths,
// stages, ancestry slots for '%', tail-call thunks). Error recovery mode is not ported.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jsonata;

internal sealed record Token(string Type, object? Value, int Position);

internal sealed record RegexLiteral(string Pattern, string Flags);

internal sealed class Tokenizer
{
    internal static readonly Dictionary<string, int> Operators = new(StringComparer.Ordinal)
    {
        ["."] = 75, ["["] = 80, ["]"] = 0, ["{"] = 70, ["}"] = 0, ["("] = 80, [")"] = 0, [","] = 0, ["@"] = 80,
        ["#"] = 80, [";"] = 80, [":"] = 80, ["?"] = 20, ["+"] = 50, ["-"] = 50, ["*"] = 60, ["/"] = 60, ["%"] = 60,
        ["|"] = 20, ["="] = 40, ["<"] = 40, [">"] = 40, ["^"] = 40, ["**"] = 60, [".."] = 20, [":="] = 10,
        ["!="] = 40, ["<="] = 40, [">="] = 40, ["~>"] = 40, ["?:"] = 40, ["??"] = 40, ["and"] = 30, ["or"] = 25,
        ["in"] = 40, ["&"] = 50, ["!"] = 0, ["~"] = 0,
    };

    private static readonly Regex NumberRegex = new(@"\G-?(0|([1-9][0-9]*))(\.[0-9]+)?([Ee][-+]?[0-9]+)?", RegexOptions.CultureInvariant);

    private readonly string _path;
    private int _position;

    private readonly JsonataDialect _dialect;

    public Tokenizer(string path, JsonataDialect dialect = JsonataDialect.Current)
    {
        _path = path;
        _dialect = dialect;
    }

    private char At(int i) => i >= 0 && i < _path.Length ? _path[i] : '\0';

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\v';

    private Token Create(string type, object? value) => new(type, value, _position);

    private RegexLiteral ScanRegex()
    {
        var start = _position;
        var depth = 0;
        while (_position < _path.Length)
        {
            var current = At(_position);
            if (IsClosingSlash(_position, depth))
            {
                var pattern = _path[start.._position];
                if (pattern.Length == 0)
                {
                    throw new JsonataException("S0301", "Empty regular expressions are not allowed", _position);
                }

                _position++;
                var flagStart = _position;
                while (At(_position) is 'i' or 'm')
                {
                    _position++;
                }

                return new RegexLiteral(pattern, _path[flagStart.._position] + "g");
            }

            if (current is '(' or '[' or '{' && At(_position - 1) != '\\')
            {
                depth++;
            }

            if (current is ')' or ']' or '}' && At(_position - 1) != '\\')
            {
                depth--;
            }

            _position++;
        }

        throw new JsonataException("S0302", "No terminating / in regular expression", _position);
    }

    private bool IsClosingSlash(int position, int depth)
    {
        if (At(position) == '/' && depth == 0)
        {
            var backslashes = 0;
            while (At(position - (backslashes + 1)) == '\\')
            {
                backslashes++;
            }

            return backslashes % 2 == 0;
        }

        return false;
    }

    public Token? Next(bool prefix)
    {
        while (true)
        {
            if (_position >= _path.Length)
            {
                return null;
            }

            var current = At(_position);
            while (_position < _path.Length && IsWhitespace(current))
            {
                _position++;
                current = At(_position);
            }

            if (current == '/' && At(_position + 1) == '*')
            {
                var commentStart = _position;
                _position += 2;
                current = At(_position);
                while (!(current == '*' && At(_position + 1) == '/'))
                {
                    current = At(++_position);
                    if (_position >= _path.Length)
                    {
                        throw new JsonataException("S0106", "Comment has no closing tag", commentStart);
                    }
                }

                _position += 2;
                continue;
            }

            return NextToken(prefix, current);
        }
    }

    private Token? NextToken(bool prefix, char current)
    {
        if (!prefix && current == '/')
        {
            _position++;
            return Create("regex", ScanRegex());
        }

        var two = _position + 1 < _path.Length ? _path.Substring(_position, 2) : null;
        // "?:" and "??" arrived in jsonata 2.1.0; before it they are two one-character tokens, which then fail to parse.
        if (two is ".." or ":=" or "!=" or ">=" or "<=" or "**" or "~>" || (two is "?:" or "??" && _dialect == JsonataDialect.Current))
        {
            _position += 2;
            return Create("operator", two);
        }

        if (current != '\0' && Operators.ContainsKey(current.ToString()))
        {
            _position++;
            return Create("operator", current.ToString());
        }

        if (current is '"' or '\'')
        {
            return ScanString(current);
        }

        var match = NumberRegex.Match(_path, _position);
        if (match.Success)
        {
            var num = double.Parse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!double.IsNaN(num) && double.IsFinite(num))
            {
                _position += match.Length;
                return Create("number", num);
            }

            throw new JsonataException("S0102", $"Number out of range: {match.Value}", _position, match.Value);
        }

        if (current == '`')
        {
            _position++;
            var end = _path.IndexOf('`', _position);
            if (end != -1)
            {
                var quoted = _path[_position..end];
                _position = end + 1;
                return Create("name", quoted);
            }

            _position = _path.Length;
            throw new JsonataException("S0105", "Quoted property name must be terminated with a backquote (`)", _position);
        }

        var i = _position;
        while (true)
        {
            var ch = At(i);
            if (i == _path.Length || IsWhitespace(ch) || Operators.ContainsKey(ch.ToString()))
            {
                if (At(_position) == '$')
                {
                    var variable = _path[(_position + 1)..i];
                    _position = i;
                    return Create("variable", variable);
                }

                var name = _path[_position..i];
                _position = i;
                switch (name)
                {
                    case "or":
                    case "in":
                    case "and":
                        return Create("operator", name);
                    case "true":
                        return Create("value", true);
                    case "false":
                        return Create("value", false);
                    case "null":
                        return Create("value", JNull.Value);
                    default:
                        if (_position == _path.Length && name.Length == 0)
                        {
                            return null;
                        }

                        return Create("name", name);
                }
            }

            i++;
        }
    }

    private Token ScanString(char quote)
    {
        _position++;
        var sb = new StringBuilder();
        while (_position < _path.Length)
        {
            var current = At(_position);
            if (current == '\\')
            {
                _position++;
                current = At(_position);
                switch (current)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        var octets = _position + 5 <= _path.Length ? _path.Substring(_position + 1, 4) : _path[(_position + 1)..];
                        if (octets.Length > 0 && octets.All(Uri.IsHexDigit) && int.TryParse(octets, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp))
                        {
                            sb.Append((char)cp);
                            _position += 4;
                        }
                        else
                        {
                            throw new JsonataException("S0104", "The escape sequence \\u must be followed by 4 hex digits", _position);
                        }

                        break;
                    default:
                        throw new JsonataException("S0103", $"Unsupported escape sequence: \\{current}", _position, current.ToString());
                }
            }
            else if (current == quote)
            {
                _position++;
                return Create("string", sb.ToString());
            }
            else
            {
                sb.Append(current);
            }

            _position++;
        }

        throw new JsonataException("S0101", "String literal must be terminated by a matching quote", _position);
    }
}

internal sealed class Parser
{
    private readonly string _source;
    private readonly Tokenizer _lexer;
    private Node _node = new();
    private int _ancestorLabel;
    private int _ancestorIndex;
    private readonly List<Node> _ancestry = [];

    private Parser(string source, JsonataDialect dialect)
    {
        _source = source;
        _lexer = new Tokenizer(source, dialect);
    }

    public static Node Parse(string source, JsonataDialect dialect = JsonataDialect.Current)
    {
        var parser = new Parser(source, dialect);
        parser.Advance();
        var expr = parser.Expression(0);
        if (parser._node.Id != "(end)")
        {
            throw Error("S0201", parser._node.Position, Str(parser._node.Value), $"Syntax error: {Quote(parser._node.Value)}");
        }

        expr = parser.ProcessAst(expr);
        if (expr.Type == "parent" || expr.SeekingParent is not null)
        {
            throw Error("S0217", expr.Position, expr.Type, "The object representing the 'parent' cannot be derived from this expression");
        }

        return expr;
    }

    private static string? Str(object? value) => value switch
    {
        null => null,
        string s => s,
        JNull => "null",
        bool b => b ? "true" : "false",
        double d => JsonText.NumberToString(d),
        _ => value.ToString(),
    };

    private static string Quote(object? value) => "\"" + Str(value) + "\"";

    private static JsonataException Error(string code, int position, string? token, string message) => new(code, message, position, token);

    private static int SymbolLbp(string id) => id switch
    {
        // symbols the reference declares without an infix form bind nothing on the left
        "(end)" or "(name)" or "(literal)" or "(regex)" or ":" or ";" or "," or ")" or "]" or "}" or ".." or "**" or "|" => 0,
        _ => Tokenizer.Operators.TryGetValue(id, out var bp) ? bp : 0,
    };

    private static bool KnownSymbol(string id) => id is not ("!" or "~");

    private Node Advance(string? id = null, bool infix = false)
    {
        if (id is not null && _node.Id != id)
        {
            if (_node.Id == "(end)")
            {
                throw Error("S0203", _node.Position, Str(_node.Value), $"Expected \"{id}\" before end of expression");
            }

            throw Error("S0202", _node.Position, Str(_node.Value), $"Expected \"{id}\", got {Quote(_node.Value)}");
        }

        var next = _lexer.Next(infix);
        if (next is null)
        {
            _node = new Node { Id = "(end)", Value = "(end)", Type = "(end)", Position = _source.Length };
            return _node;
        }

        string symbolId;
        switch (next.Type)
        {
            case "name":
            case "variable":
                symbolId = "(name)";
                break;
            case "operator":
                symbolId = (string)next.Value!;
                if (!KnownSymbol(symbolId))
                {
                    throw Error("S0204", next.Position, symbolId, $"Unknown operator: \"{symbolId}\"");
                }

                break;
            case "string":
            case "number":
            case "value":
                symbolId = "(literal)";
                break;
            case "regex":
                symbolId = "(regex)";
                break;
            default:
                throw Error("S0205", next.Position, Str(next.Value), $"Unexpected token: {Quote(next.Value)}");
        }

        _node = new Node { Id = symbolId, Lbp = SymbolLbp(symbolId), Value = next.Value, Type = next.Type, Position = next.Position };
        return _node;
    }

    private Node Expression(int rbp)
    {
        GuardStack();
        var t = _node;
        Advance(null, true);
        var left = Nud(t);
        while (rbp < _node.Lbp)
        {
            t = _node;
            Advance();
            left = Led(t, left);
        }

        return left;
    }

    private Node Nud(Node self)
    {
        switch (self.Id)
        {
            case "(end)":
            case "(name)":
            case "(literal)":
            case "(regex)":
            case "and":
            case "or":
            case "in":
                if (self.Type == "regex")
                {
                    var literal = (RegexLiteral)self.Value!;
                    self.Regex = RegexTranslator.Compile(literal.Pattern, literal.Flags, self.Position);
                }

                return self;
            case "-":
                self.Expression = Expression(70);
                self.Type = "unary";
                return self;
            case "*":
                self.Type = "wildcard";
                return self;
            case "**":
                self.Type = "descendant";
                return self;
            case "%":
                self.Type = "parent";
                return self;
            case "(":
                return BlockNud(self);
            case "[":
                return ArrayNud(self);
            case "{":
                return ObjectParser(self, null);
            case "|":
                self.Type = "transform";
                self.Pattern = Expression(0);
                Advance("|");
                self.Update = Expression(0);
                if (_node.Id == ",")
                {
                    Advance(",");
                    self.Delete = Expression(0);
                }

                Advance("|");
                return self;
            default:
                throw Error("S0211", self.Position, Str(self.Value), $"The symbol {Quote(self.Value)} cannot be used as a unary operator");
        }
    }

    private Node Led(Node self, Node left)
    {
        switch (self.Id)
        {
            case ".": case "+": case "-": case "*": case "/": case "%": case "=": case "<": case ">": case "!=":
            case "<=": case ">=": case "&": case "and": case "or": case "in": case "~>":
                self.Lhs = left;
                self.Rhs = Expression(Tokenizer.Operators[self.Id]);
                self.Type = "binary";
                return self;
            case "??":
                self.Type = "condition";
                self.Condition = new Node
                {
                    Type = "function",
                    Value = "(",
                    Procedure = new Node { Type = "variable", Value = "exists" },
                    Arguments = [left.Clone()],
                };
                self.Then = left;
                self.Else = Expression(0);
                return self;
            case "(":
                return FunctionLed(self, left);
            case "[":
                if (_node.Id == "]")
                {
                    var step = left;
                    while (step is { Type: "binary", Value: "[" })
                    {
                        step = step.Lhs!;
                    }

                    step.KeepArray = true;
                    Advance("]");
                    return left;
                }

                self.Lhs = left;
                self.Rhs = Expression(Tokenizer.Operators["]"]);
                self.Type = "binary";
                Advance("]", true);
                return self;
            case "^":
                return OrderByLed(self, left);
            case "{":
                return ObjectParser(self, left);
            case ":=":
                if (left.Type != "variable")
                {
                    throw Error("S0212", left.Position, Str(left.Value), "The left side of := must be a variable name (start with $)");
                }

                self.Lhs = left;
                self.Rhs = Expression(Tokenizer.Operators[":="] - 1);
                self.Type = "binary";
                return self;
            case "@":
            case "#":
                self.Lhs = left;
                self.Rhs = Expression(Tokenizer.Operators[self.Id]);
                if (self.Rhs.Type != "variable")
                {
                    throw Error("S0214", self.Rhs.Position, self.Id, $"The right side of {self.Id} must be a variable name (start with $)");
                }

                self.Type = "binary";
                return self;
            case "?":
                self.Type = "condition";
                self.Condition = left;
                self.Then = Expression(0);
                if (_node.Id == ":")
                {
                    Advance(":");
                    self.Else = Expression(0);
                }

                return self;
            case "?:":
                self.Type = "condition";
                self.Condition = left.Clone();
                self.Then = left;
                self.Else = Expression(0);
                return self;
            default:
                throw Error("S0201", self.Position, Str(self.Value), $"Syntax error: {Quote(self.Value)}");
        }
    }

    private Node FunctionLed(Node self, Node left)
    {
        self.Procedure = left;
        self.Type = "function";
        self.Arguments = [];
        if (_node.Id != ")")
        {
            while (true)
            {
                if (_node.Type == "operator" && _node.Id == "?")
                {
                    self.Type = "partial";
                    self.Arguments.Add(_node);
                    Advance("?");
                }
                else
                {
                    self.Arguments.Add(Expression(0));
                }

                if (_node.Id != ",")
                {
                    break;
                }

                Advance(",");
            }
        }

        Advance(")", true);
        if (left.Type == "name" && (string?)left.Value is "function" or "\u03BB")
        {
            for (var index = 0; index < self.Arguments.Count; index++)
            {
                var arg = self.Arguments[index];
                if (arg.Type != "variable")
                {
                    throw Error("S0208", arg.Position, Str(arg.Value), $"Parameter {index + 1} of function definition must be a variable name (start with $)");
                }
            }

            self.Type = "lambda";
            if (_node.Id == "<")
            {
                var sigPos = _node.Position;
                var depth = 1;
                var sig = new StringBuilder("<");
                while (depth > 0 && _node.Id != "{" && _node.Id != "(end)")
                {
                    var tok = Advance();
                    if (tok.Id == ">")
                    {
                        depth--;
                    }
                    else if (tok.Id == "<")
                    {
                        depth++;
                    }

                    sig.Append(Str(tok.Value));
                }

                Advance(">");
                try
                {
                    self.Signature = Signature.Parse(sig.ToString());
                }
                catch (SignatureException err)
                {
                    throw Error(err.Code, sigPos + err.Offset, null, err.Message);
                }
            }

            Advance("{");
            self.Body = Expression(0);
            Advance("}");
        }

        return self;
    }

    private Node BlockNud(Node self)
    {
        var expressions = new List<Node>();
        while (_node.Id != ")")
        {
            expressions.Add(Expression(0));
            if (_node.Id != ";")
            {
                break;
            }

            Advance(";");
        }

        Advance(")", true);
        self.Type = "block";
        self.Expressions = expressions;
        return self;
    }

    private Node ArrayNud(Node self)
    {
        var items = new List<Node>();
        if (_node.Id != "]")
        {
            while (true)
            {
                var item = Expression(0);
                if (_node.Id == "..")
                {
                    var range = new Node { Type = "binary", Value = "..", Position = _node.Position, Lhs = item };
                    Advance("..");
                    range.Rhs = Expression(0);
                    item = range;
                }

                items.Add(item);
                if (_node.Id != ",")
                {
                    break;
                }

                Advance(",");
            }
        }

        Advance("]", true);
        self.Expressions = items;
        self.Type = "unary";
        return self;
    }

    private Node OrderByLed(Node self, Node left)
    {
        Advance("(");
        var terms = new List<SortTerm>();
        while (true)
        {
            var descending = false;
            if (_node.Id == "<")
            {
                Advance("<");
            }
            else if (_node.Id == ">")
            {
                descending = true;
                Advance(">");
            }

            terms.Add(new SortTerm(descending, Expression(0)));
            if (_node.Id != ",")
            {
                break;
            }

            Advance(",");
        }

        Advance(")");
        self.Lhs = left;
        self.SortTerms = terms;
        self.Type = "binary";
        return self;
    }

    private Node ObjectParser(Node self, Node? left)
    {
        var pairs = new List<(Node, Node)>();
        if (_node.Id != "}")
        {
            while (true)
            {
                var n = Expression(0);
                Advance(":");
                var v = Expression(0);
                pairs.Add((n, v));
                if (_node.Id != ",")
                {
                    break;
                }

                Advance(",");
            }
        }

        Advance("}", true);
        self.Pairs = pairs;
        if (left is null)
        {
            self.Type = "unary";
        }
        else
        {
            self.Lhs = left;
            self.Type = "binary";
        }

        return self;
    }

    private static Node TailCallOptimize(Node expr)
    {
        if (expr.Type == "function" && expr.Predicate is null)
        {
            return new Node { Type = "lambda", Thunk = true, Arguments = [], Position = expr.Position, Body = expr };
        }

        if (expr.Type == "condition")
        {
            expr.Then = TailCallOptimize(expr.Then!);
            if (expr.Else is not null)
            {
                expr.Else = TailCallOptimize(expr.Else);
            }
        }
        else if (expr.Type == "block" && expr.Expressions!.Count > 0)
        {
            var last = expr.Expressions.Count - 1;
            expr.Expressions[last] = TailCallOptimize(expr.Expressions[last]);
        }

        return expr;
    }

    private Slot SeekParent(Node node, Slot slot)
    {
        switch (node.Type)
        {
            case "name":
            case "wildcard":
                slot.Level--;
                if (slot.Level == 0)
                {
                    if (node.Ancestor is null)
                    {
                        node.Ancestor = slot;
                    }
                    else
                    {
                        _ancestry[slot.Index].Slot!.Label = node.Ancestor.Label;
                        node.Ancestor = slot;
                    }

                    node.Tuple = true;
                }

                break;
            case "parent":
                slot.Level++;
                break;
            case "block":
                if (node.Expressions!.Count > 0)
                {
                    node.Tuple = true;
                    slot = SeekParent(node.Expressions[^1], slot);
                }

                break;
            case "path":
                node.Tuple = true;
                var index = node.Steps!.Count - 1;
                slot = SeekParent(node.Steps[index--], slot);
                while (slot.Level > 0 && index >= 0)
                {
                    slot = SeekParent(node.Steps[index--], slot);
                }

                break;
            default:
                throw Error("S0217", node.Position, node.Type, "The object representing the 'parent' cannot be derived from this expression");
        }

        return slot;
    }

    private static void PushAncestry(Node result, Node value)
    {
        if (value.SeekingParent is not null || value.Type == "parent")
        {
            var slots = value.SeekingParent ?? [];
            if (value.Type == "parent")
            {
                slots.Add(value.Slot!);
            }

            if (result.SeekingParent is null)
            {
                result.SeekingParent = slots;
            }
            else
            {
                result.SeekingParent.AddRange(slots);
            }
        }
    }

    private void ResolveAncestry(Node path)
    {
        var index = path.Steps!.Count - 1;
        var laststep = path.Steps[index];
        var slots = laststep.SeekingParent ?? [];
        if (laststep.Type == "parent")
        {
            slots.Add(laststep.Slot!);
        }

        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            index = path.Steps.Count - 2;
            while (slot.Level > 0)
            {
                if (index < 0)
                {
                    (path.SeekingParent ??= []).Add(slot);
                    break;
                }

                var step = path.Steps[index--];
                while (index >= 0 && step.Focus is not null && path.Steps[index].Focus is not null)
                {
                    step = path.Steps[index--];
                }

                slot = SeekParent(step, slot);
            }
        }
    }

    private static void GuardStack()
    {
        // Hostile nesting ("((((…") must end in an error, not a StackOverflowException that no caller can catch.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException("D1011", "Expression nested too deeply to parse");
        }
    }

    private Node ProcessAst(Node expr)
    {
        GuardStack();
        Node result;
        switch (expr.Type)
        {
            case "binary":
                result = ProcessBinary(expr);
                break;
            case "unary":
                result = new Node { Type = expr.Type, Value = expr.Value, Position = expr.Position };
                if ((string?)expr.Value == "[")
                {
                    result.Expressions = [];
                    foreach (var item in expr.Expressions!)
                    {
                        var value = ProcessAst(item);
                        PushAncestry(result, value);
                        result.Expressions.Add(value);
                    }
                }
                else if ((string?)expr.Value == "{")
                {
                    result.Pairs = [];
                    foreach (var (k, v) in expr.Pairs!)
                    {
                        var key = ProcessAst(k);
                        PushAncestry(result, key);
                        var value = ProcessAst(v);
                        PushAncestry(result, value);
                        result.Pairs.Add((key, value));
                    }
                }
                else
                {
                    result.Expression = ProcessAst(expr.Expression!);
                    if ((string?)expr.Value == "-" && result.Expression.Type == "number")
                    {
                        result = result.Expression;
                        result.Value = -(double)result.Value!;
                    }
                    else
                    {
                        PushAncestry(result, result.Expression);
                    }
                }

                break;
            case "function":
            case "partial":
                result = new Node { Type = expr.Type, Value = expr.Value, Position = expr.Position, Arguments = [] };
                foreach (var arg in expr.Arguments!)
                {
                    var argAst = ProcessAst(arg);
                    PushAncestry(result, argAst);
                    result.Arguments.Add(argAst);
                }

                result.Procedure = ProcessAst(expr.Procedure!);
                break;
            case "lambda":
                result = new Node { Type = expr.Type, Arguments = expr.Arguments, Signature = expr.Signature, Position = expr.Position };
                result.Body = TailCallOptimize(ProcessAst(expr.Body!));
                break;
            case "condition":
                result = new Node { Type = expr.Type, Position = expr.Position };
                result.Condition = ProcessAst(expr.Condition!);
                PushAncestry(result, result.Condition);
                result.Then = ProcessAst(expr.Then!);
                PushAncestry(result, result.Then);
                if (expr.Else is not null)
                {
                    result.Else = ProcessAst(expr.Else);
                    PushAncestry(result, result.Else);
                }

                break;
            case "transform":
                result = new Node { Type = expr.Type, Position = expr.Position };
                result.Pattern = ProcessAst(expr.Pattern!);
                result.Update = ProcessAst(expr.Update!);
                if (expr.Delete is not null)
                {
                    result.Delete = ProcessAst(expr.Delete);
                }

                break;
            case "block":
                result = new Node { Type = expr.Type, Position = expr.Position, Expressions = [] };
                foreach (var item in expr.Expressions!)
                {
                    var part = ProcessAst(item);
                    PushAncestry(result, part);
                    if (part.ConsArray || (part.Type == "path" && part.Steps![0].ConsArray))
                    {
                        result.ConsArray = true;
                    }

                    result.Expressions.Add(part);
                }

                break;
            case "name":
                result = new Node { Type = "path", Steps = [expr] };
                if (expr.KeepArray)
                {
                    result.KeepSingletonArray = true;
                }

                break;
            case "parent":
                result = new Node { Type = "parent", Slot = new Slot { Label = "!" + _ancestorLabel++, Level = 1, Index = _ancestorIndex++ } };
                _ancestry.Add(result);
                break;
            case "string":
            case "number":
            case "value":
            case "wildcard":
            case "descendant":
            case "variable":
            case "regex":
                result = expr;
                break;
            case "operator":
                if ((string?)expr.Value is "and" or "or" or "in")
                {
                    expr.Type = "name";
                    result = ProcessAst(expr);
                }
                else if ((string?)expr.Value == "?")
                {
                    result = expr;
                }
                else
                {
                    throw Error("S0201", expr.Position, Str(expr.Value), $"Syntax error: {Quote(expr.Value)}");
                }

                break;
            default:
                if (expr.Id == "(end)")
                {
                    throw Error("S0207", expr.Position, Str(expr.Value), "Unexpected end of expression");
                }

                throw Error("S0206", expr.Position, Str(expr.Value), $"Unknown expression type: {Quote(expr.Value)}");
        }

        if (expr.KeepArray)
        {
            result.KeepArray = true;
        }

        return result;
    }

    private Node ProcessBinary(Node expr)
    {
        Node result;
        Node step;
        switch ((string?)expr.Value)
        {
            case ".":
                var lstep = ProcessAst(expr.Lhs!);
                result = lstep.Type == "path" ? lstep : new Node { Type = "path", Steps = [lstep] };
                if (lstep.Type == "parent")
                {
                    result.SeekingParent = [lstep.Slot!];
                }

                var rest = ProcessAst(expr.Rhs!);
                if (rest.Type == "path")
                {
                    result.Steps!.AddRange(rest.Steps!);
                }
                else
                {
                    if (rest.Predicate is not null)
                    {
                        rest.Stages = rest.Predicate;
                        rest.Predicate = null;
                    }

                    result.Steps!.Add(rest);
                }

                foreach (var s in result.Steps)
                {
                    if (s.Type is "number" or "value")
                    {
                        throw Error("S0213", s.Position, Str(s.Value), $"The literal value {Quote(s.Value)} cannot be used as a step within a path expression");
                    }

                    if (s.Type == "string")
                    {
                        s.Type = "name";
                    }
                }

                if (result.Steps.Any(s => s.KeepArray))
                {
                    result.KeepSingletonArray = true;
                }

                var firststep = result.Steps[0];
                if (firststep.Type == "unary" && (string?)firststep.Value == "[")
                {
                    firststep.ConsArray = true;
                }

                var laststep = result.Steps[^1];
                if (laststep.Type == "unary" && (string?)laststep.Value == "[")
                {
                    laststep.ConsArray = true;
                }

                ResolveAncestry(result);
                break;
            case "[":
                result = ProcessAst(expr.Lhs!);
                step = result;
                var isStages = false;
                if (result.Type == "path")
                {
                    step = result.Steps![^1];
                    isStages = true;
                }

                if (step.Group is not null)
                {
                    throw Error("S0209", expr.Position, null, "A predicate cannot follow a grouping expression in a step");
                }

                var predicate = ProcessAst(expr.Rhs!);
                if (predicate.SeekingParent is not null)
                {
                    foreach (var slot in predicate.SeekingParent)
                    {
                        if (slot.Level == 1)
                        {
                            SeekParent(step, slot);
                        }
                        else
                        {
                            slot.Level--;
                        }
                    }

                    PushAncestry(step, predicate);
                }

                var filter = new Node { Type = "filter", Expression = predicate, Position = expr.Position };
                if (isStages)
                {
                    (step.Stages ??= []).Add(filter);
                }
                else
                {
                    (step.Predicate ??= []).Add(filter);
                }

                break;
            case "{":
                result = ProcessAst(expr.Lhs!);
                if (result.Group is not null)
                {
                    throw Error("S0210", expr.Position, null, "Each step can only have one grouping expression");
                }

                result.Group = new GroupSpec
                {
                    Pairs = expr.Pairs!.Select(p => (ProcessAst(p.Key), ProcessAst(p.Value))).ToList(),
                    Position = expr.Position,
                };
                break;
            case "^":
                result = ProcessAst(expr.Lhs!);
                if (result.Type != "path")
                {
                    result = new Node { Type = "path", Steps = [result] };
                }

                var sortStep = new Node { Type = "sort", Position = expr.Position, SortTerms = [] };
                foreach (var term in expr.SortTerms!)
                {
                    var expression = ProcessAst(term.Expression);
                    PushAncestry(sortStep, expression);
                    sortStep.SortTerms.Add(new SortTerm(term.Descending, expression));
                }

                result.Steps!.Add(sortStep);
                ResolveAncestry(result);
                break;
            case ":=":
                result = new Node { Type = "bind", Value = expr.Value, Position = expr.Position };
                result.Lhs = ProcessAst(expr.Lhs!);
                result.Rhs = ProcessAst(expr.Rhs!);
                PushAncestry(result, result.Rhs);
                break;
            case "@":
                result = ProcessAst(expr.Lhs!);
                step = result;
                if (result.Type == "path")
                {
                    step = result.Steps![^1];
                }

                if (step.Stages is not null || step.Predicate is not null)
                {
                    throw Error("S0215", expr.Position, null, "A context variable binding must precede any predicates on a step");
                }

                if (step.Type == "sort")
                {
                    throw Error("S0216", expr.Position, null, "A context variable binding must precede the 'order-by' clause on a step");
                }

                if (expr.KeepArray)
                {
                    step.KeepArray = true;
                }

                step.Focus = (string?)expr.Rhs!.Value;
                step.Tuple = true;
                break;
            case "#":
                result = ProcessAst(expr.Lhs!);
                step = result;
                if (result.Type == "path")
                {
                    step = result.Steps![^1];
                }
                else
                {
                    result = new Node { Type = "path", Steps = [result] };
                    if (step.Predicate is not null)
                    {
                        step.Stages = step.Predicate;
                        step.Predicate = null;
                    }
                }

                if (step.Stages is null)
                {
                    step.Index = (string?)expr.Rhs!.Value;
                }
                else
                {
                    step.Stages.Add(new Node { Type = "index", Value = expr.Rhs!.Value, Position = expr.Position });
                }

                step.Tuple = true;
                break;
            case "~>":
                result = new Node { Type = "apply", Value = expr.Value, Position = expr.Position };
                result.Lhs = ProcessAst(expr.Lhs!);
                result.Rhs = ProcessAst(expr.Rhs!);
                result.KeepArray = result.Lhs.KeepArray || result.Rhs.KeepArray;
                break;
            default:
                result = new Node { Type = expr.Type, Value = expr.Value, Position = expr.Position };
                result.Lhs = ProcessAst(expr.Lhs!);
                result.Rhs = ProcessAst(expr.Rhs!);
                PushAncestry(result, result.Lhs);
                PushAncestry(result, result.Rhs);
                break;
        }

        return result;
    }
}
