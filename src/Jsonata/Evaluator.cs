// A C# port of the evaluator of jsonata-js 2.2.2 (https://github.com/jsonata-js/jsonata, MIT, © IBM Corp. 2016, 2018).
// Synchronous where the reference is async; otherwise kept close to the JavaScript so behaviour (sequence
// flattening, singleton unwrapping, error codes, depth counting) follows it case by case.
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Jsonata;

internal sealed partial class Evaluator
{
    public static readonly Evaluator Instance = new();

    // parsed once: a transform expression yields a new function on every evaluation
    private static readonly Signature TransformSignature = Signature.Parse("<(oa):o>");

    private static readonly Node ChainAst = Parser.Parse("function($f, $g) { function($x){ $g($f($x)) } }");

    public object? Evaluate(Node expr, object? input, Frame environment)
    {
        var state = environment.Base!;
        state.Depth++;
        Guard(state);

        object? result = expr.Type switch
        {
            "path" => EvaluatePath(expr, input, environment),
            "binary" => EvaluateBinary(expr, input, environment),
            "unary" => EvaluateUnary(expr, input, environment),
            "name" => Lookup(input, (string)expr.Value!),
            "string" or "number" or "value" => expr.Value,
            "wildcard" => EvaluateWildcard(input),
            "descendant" => EvaluateDescendants(input),
            "parent" => environment.Lookup(expr.Slot!.Label),
            "condition" => EvaluateCondition(expr, input, environment),
            "block" => EvaluateBlock(expr, input, environment),
            "bind" => EvaluateBind(expr, input, environment),
            "regex" => new RegexMatcher { Regex = expr.Regex!, Source = ((RegexLiteral)expr.Value!).Pattern, Position = expr.Position },
            "function" => EvaluateFunction(expr, input, environment, false, null),
            "variable" => EvaluateVariable(expr, input, environment),
            "lambda" => EvaluateLambda(expr, input, environment),
            "partial" => EvaluatePartialApplication(expr, input, environment),
            "apply" => EvaluateApply(expr, input, environment),
            "transform" => EvaluateTransform(expr, environment),
            _ => null,
        };

        if (expr.Predicate is not null)
        {
            foreach (var stage in expr.Predicate)
            {
                result = EvaluateFilter(stage.Expression!, result, environment);
            }
        }

        if (expr.Type != "path" && expr.Group is not null)
        {
            result = EvaluateGroup(expr.Group.Pairs, expr.Group.Position, result, environment);
        }

        if (result is JList { Sequence: true, TupleStream: false } seq)
        {
            if (expr.KeepArray)
            {
                seq.KeepSingleton = true;
            }

            if (seq.Count == 0)
            {
                result = null;
            }
            else if (seq.Count == 1)
            {
                result = seq.KeepSingleton ? seq : seq[0];
            }
        }

        state.Depth--;
        return result;
    }

    /// <summary>
    /// Adds where an error happened, as the reference's catch-and-rethrow does. It runs as an exception filter that
    /// never catches: rethrowing from thousands of nested frames would itself exhaust the stack.
    /// </summary>
    private static bool Annotate(JsonataException err, int position, string? token, bool overwrite)
    {
        if (overwrite)
        {
            err.Position = position;
            err.Token = token;
        }
        else
        {
            err.Position ??= position;
            err.Token ??= token;
        }

        return false;
    }

    private static void Guard(EvalState state)
    {
        if (state.MaxDepth > 0 && state.Depth > state.MaxDepth)
        {
            throw new JsonataException("D1011", "Stack overflow. Check for non-terminating recursive function.  Consider rewriting as tail-recursive");
        }

        if (state.TimeoutTicks > 0 && Stopwatch.GetTimestamp() - state.StartTicks > state.TimeoutTicks)
        {
            throw new JsonataException("D1012", "Evaluation timeout. Check for infinite loop");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new JsonataException("D1011", "Stack overflow. Check for non-terminating recursive function.  Consider rewriting as tail-recursive");
        }
    }

    private object? EvaluatePath(Node expr, object? input, Frame environment)
    {
        JList inputSequence = input is JList list && expr.Steps![0].Type != "variable" ? list : JList.Seq(input);
        JList? resultSequence = null;
        var isTupleStream = false;
        JList? tupleBindings = null;

        for (var ii = 0; ii < expr.Steps!.Count; ii++)
        {
            var step = expr.Steps[ii];
            if (step.Tuple)
            {
                isTupleStream = true;
            }

            if (ii == 0 && step.ConsArray)
            {
                var value = Evaluate(step, inputSequence, environment);
                resultSequence = value as JList;
                if (value is not null and not JList)
                {
                    resultSequence = JList.Seq(value);
                }
            }
            else if (isTupleStream)
            {
                tupleBindings = EvaluateTupleStep(step, inputSequence, tupleBindings, environment);
            }
            else
            {
                resultSequence = EvaluateStep(step, inputSequence, environment, ii == expr.Steps.Count - 1);
            }

            if (!isTupleStream && (resultSequence is null || resultSequence.Count == 0))
            {
                break;
            }

            if (step.Focus is null)
            {
                inputSequence = resultSequence!;
            }
        }

        if (isTupleStream)
        {
            if (expr.Tuple)
            {
                resultSequence = tupleBindings;
            }
            else
            {
                resultSequence = JList.Seq();
                foreach (var tuple in tupleBindings!)
                {
                    resultSequence.Add(((JObject)tuple!).GetValueOrDefault("@"));
                }
            }
        }

        if (expr.KeepSingletonArray && resultSequence is not null)
        {
            if (resultSequence.Cons && !resultSequence.Sequence)
            {
                resultSequence = JList.Seq(resultSequence);
            }

            resultSequence.KeepSingleton = true;
        }

        if (expr.Group is not null)
        {
            return EvaluateGroup(expr.Group.Pairs, expr.Group.Position, isTupleStream ? tupleBindings : resultSequence, environment);
        }

        return resultSequence;
    }

    private static Frame CreateFrameFromTuple(Frame environment, JObject tuple)
    {
        var frame = new Frame(environment);
        foreach (var (key, value) in tuple)
        {
            frame.Bind(key, value);
        }

        return frame;
    }

    private JList EvaluateStep(Node expr, JList input, Frame environment, bool lastStep)
    {
        if (expr.Type == "sort")
        {
            var sorted = EvaluateSort(expr, input, environment);
            if (expr.Stages is not null)
            {
                sorted = EvaluateStages(expr.Stages, sorted, environment);
            }

            return sorted;
        }

        var result = JList.Seq();
        for (var ii = 0; ii < input.Count; ii++)
        {
            var res = Evaluate(expr, input[ii], environment);
            if (expr.Stages is not null)
            {
                foreach (var stage in expr.Stages)
                {
                    res = EvaluateFilter(stage.Expression!, res, environment);
                }
            }

            if (res is not null)
            {
                result.Add(res);
            }
        }

        if (lastStep && result.Count == 1 && result[0] is JList { Sequence: false } only)
        {
            return only;
        }

        var resultSequence = JList.Seq();
        foreach (var res in result)
        {
            if (res is not JList inner || inner.Cons)
            {
                resultSequence.Add(res);
            }
            else
            {
                resultSequence.AddRange(inner);
            }
        }

        return resultSequence;
    }

    private JList EvaluateStages(List<Node> stages, JList input, Frame environment)
    {
        var result = input;
        foreach (var stage in stages)
        {
            switch (stage.Type)
            {
                case "filter":
                    result = EvaluateFilter(stage.Expression!, result, environment);
                    break;
                case "index":
                    for (var ee = 0; ee < result.Count; ee++)
                    {
                        if (result[ee] is JObject tuple)
                        {
                            tuple[(string)stage.Value!] = (double)ee;
                        }
                    }

                    break;
            }
        }

        return result;
    }

    private JList EvaluateTupleStep(Node expr, JList input, JList? tupleBindings, Frame environment)
    {
        JList result;
        if (expr.Type == "sort")
        {
            if (tupleBindings is not null)
            {
                result = EvaluateSort(expr, tupleBindings, environment);
            }
            else
            {
                var sorted = EvaluateSort(expr, input, environment);
                result = JList.Seq();
                result.TupleStream = true;
                for (var ss = 0; ss < sorted.Count; ss++)
                {
                    var tuple = new JObject { ["@"] = sorted[ss] };
                    if (expr.Index is not null)
                    {
                        tuple[expr.Index] = (double)ss;
                    }

                    result.Add(tuple);
                }
            }

            if (expr.Stages is not null)
            {
                result = EvaluateStages(expr.Stages, result, environment);
            }

            return result;
        }

        result = JList.Seq();
        result.TupleStream = true;
        if (tupleBindings is null)
        {
            tupleBindings = new JList(input.Count);
            foreach (var item in input)
            {
                tupleBindings.Add(new JObject { ["@"] = item });
            }
        }

        foreach (var entry in tupleBindings)
        {
            var binding = (JObject)entry!;
            var stepEnv = CreateFrameFromTuple(environment, binding);
            var res = Evaluate(expr, binding.GetValueOrDefault("@"), stepEnv);
            if (res is null)
            {
                continue;
            }

            var resList = res as JList ?? [res];
            for (var bb = 0; bb < resList.Count; bb++)
            {
                var tuple = new JObject();
                foreach (var (k, v) in binding)
                {
                    tuple[k] = v;
                }

                if (resList.TupleStream)
                {
                    foreach (var (k, v) in (JObject)resList[bb]!)
                    {
                        tuple[k] = v;
                    }
                }
                else
                {
                    if (expr.Focus is not null)
                    {
                        tuple[expr.Focus] = resList[bb];
                        tuple["@"] = binding.GetValueOrDefault("@");
                    }
                    else
                    {
                        tuple["@"] = resList[bb];
                    }

                    if (expr.Index is not null)
                    {
                        tuple[expr.Index] = (double)bb;
                    }

                    if (expr.Ancestor is not null)
                    {
                        tuple[expr.Ancestor.Label] = binding.GetValueOrDefault("@");
                    }
                }

                result.Add(tuple);
            }
        }

        if (expr.Stages is not null)
        {
            result = EvaluateStages(expr.Stages, result, environment);
        }

        return result;
    }

    private JList EvaluateFilter(Node predicate, object? input, Frame environment)
    {
        var results = JList.Seq();
        if (input is JList { TupleStream: true })
        {
            results.TupleStream = true;
        }

        var inputList = input as JList ?? JList.Seq(input);
        if (predicate.Type == "number")
        {
            var index = Math.Floor((double)predicate.Value!);
            if (index < 0)
            {
                index = inputList.Count + index;
            }

            var item = index >= 0 && index < inputList.Count ? inputList[(int)index] : null;
            if (item is not null)
            {
                if (item is JList arr)
                {
                    results = arr;
                }
                else
                {
                    results.Add(item);
                }
            }

            return results;
        }

        for (var index = 0; index < inputList.Count; index++)
        {
            var item = inputList[index];
            var context = item;
            var env = environment;
            if (inputList.TupleStream && item is JObject tuple)
            {
                context = tuple.GetValueOrDefault("@");
                env = CreateFrameFromTuple(environment, tuple);
            }

            var res = Evaluate(predicate, context, env);
            if (IsNumeric(res))
            {
                res = new JList { res };
            }

            if (IsArrayOfNumbers(res))
            {
                foreach (var ires in (JList)res!)
                {
                    var ii = Math.Floor((double)ires!);
                    if (ii < 0)
                    {
                        ii = inputList.Count + ii;
                    }

                    if (ii == index)
                    {
                        results.Add(item);
                    }
                }
            }
            else if (Functions.Boolean(res) == true)
            {
                results.Add(item);
            }
        }

        return results;
    }

    private object? EvaluateBinary(Node expr, object? input, Frame environment)
    {
        var lhs = Evaluate(expr.Lhs!, input, environment);
        var op = (string)expr.Value!;
        try
        {
            if (op is "and" or "or")
            {
                var lBool = Functions.Boolean(lhs) == true;
                if (op == "and")
                {
                    return lBool && Functions.Boolean(Evaluate(expr.Rhs!, input, environment)) == true;
                }

                return lBool || Functions.Boolean(Evaluate(expr.Rhs!, input, environment)) == true;
            }
        }
        catch (JsonataException err) when (Annotate(err, expr.Position, op, true))
        {
            throw;
        }

        var rhs = Evaluate(expr.Rhs!, input, environment);
        try
        {
            return op switch
            {
                "+" or "-" or "*" or "/" or "%" => EvaluateNumeric(lhs, rhs, op),
                "=" => lhs is not null && rhs is not null && DeepEqual(lhs, rhs),
                "!=" => lhs is not null && rhs is not null && !DeepEqual(lhs, rhs),
                "<" or "<=" or ">" or ">=" => EvaluateComparison(lhs, rhs, op),
                "&" => (lhs is null ? "" : Functions.String(lhs)) + (rhs is null ? "" : Functions.String(rhs)),
                ".." => EvaluateRange(lhs, rhs),
                "in" => EvaluateIncludes(lhs, rhs),
                _ => null,
            };
        }
        catch (JsonataException err) when (Annotate(err, expr.Position, op, true))
        {
            throw;
        }
    }

    private static object? EvaluateNumeric(object? lhs, object? rhs, string op)
    {
        if (lhs is not null && !IsNumeric(lhs))
        {
            throw new JsonataException("T2001", $"The left side of the {op} operator must evaluate to a number") { Value = lhs };
        }

        if (rhs is not null && !IsNumeric(rhs))
        {
            throw new JsonataException("T2002", $"The right side of the {op} operator must evaluate to a number") { Value = rhs };
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        var l = (double)lhs;
        var r = (double)rhs;
        return op switch
        {
            "+" => l + r,
            "-" => l - r,
            "*" => l * r,
            "/" => l / r,
            _ => l % r,
        };
    }

    private static object? EvaluateComparison(object? lhs, object? rhs, string op)
    {
        var lcomparable = lhs is null or string or double;
        var rcomparable = rhs is null or string or double;
        if (!lcomparable || !rcomparable)
        {
            throw new JsonataException("T2010", $"The expressions either side of operator {op} must evaluate to numeric or string values")
            {
                Value = lhs is string or double ? rhs : lhs,
            };
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        if (lhs.GetType() != rhs.GetType())
        {
            throw new JsonataException("T2009", $"The values either side of operator {op} must be of the same data type") { Value = lhs };
        }

        if (lhs is double l)
        {
            var r = (double)rhs;
            return op switch
            {
                "<" => l < r,
                "<=" => l <= r,
                ">" => l > r,
                _ => l >= r,
            };
        }

        var c = string.CompareOrdinal((string)lhs, (string)rhs);
        return op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        };
    }

    private static bool EvaluateIncludes(object? lhs, object? rhs)
    {
        if (lhs is null || rhs is null)
        {
            return false;
        }

        var list = rhs as JList ?? [rhs];
        foreach (var item in list)
        {
            if (StrictEqual(item, lhs))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool StrictEqual(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x == y,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (bool x, bool y) => x == y,
        _ => ReferenceEquals(a, b),
    };

    private object? EvaluateUnary(Node expr, object? input, Frame environment)
    {
        switch ((string)expr.Value!)
        {
            case "-":
                var result = Evaluate(expr.Expression!, input, environment);
                if (result is null)
                {
                    return null;
                }

                if (IsNumeric(result))
                {
                    return -(double)result;
                }

                throw new JsonataException("D1002", "Cannot negate a non-numeric value", expr.Position, "-") { Value = result };
            case "[":
                var list = new JList();
                foreach (var item in expr.Expressions!)
                {
                    var value = Evaluate(item, input, environment);
                    if (value is not null)
                    {
                        if ((item.Value as string) == "[")
                        {
                            list.Add(value);
                        }
                        else if (value is JList items)
                        {
                            // the reference concatenates into a fresh plain array each time; appending in place to
                            // our own plain array is the same value without the quadratic copying
                            list.AddRange(items);
                        }
                        else
                        {
                            list.Add(value);
                        }
                    }
                }

                if (expr.ConsArray)
                {
                    list.Cons = true;
                }

                return list;
            case "{":
                return EvaluateGroup(expr.Pairs!, expr.Position, input, environment);
            default:
                return null;
        }
    }

    internal static object? Lookup(object? input, string key)
    {
        if (input is JList list)
        {
            var result = JList.Seq();
            foreach (var item in list)
            {
                var res = Lookup(item, key);
                if (res is not null)
                {
                    if (res is JList inner)
                    {
                        result.AddRange(inner);
                    }
                    else
                    {
                        result.Add(res);
                    }
                }
            }

            return result;
        }

        if (input is JObject obj && obj.TryGetValue(key, out var value))
        {
            return value;
        }

        return null;
    }

    private static object? EvaluateWildcard(object? input)
    {
        object results = JList.Seq();
        if (input is JList { OuterWrapper: true } wrapped && wrapped.Count > 0)
        {
            input = wrapped[0];
        }

        IEnumerable<object?> values = input switch
        {
            JObject obj => obj.Values,
            JList list => list,
            _ => [],
        };

        foreach (var value in values)
        {
            if (value is JList arr)
            {
                results = Functions.Append(results, Flatten(arr, new JList()))!;
            }
            else
            {
                ((JList)results).Add(value);
            }
        }

        return results;
    }

    private static JList Flatten(object? arg, JList flattened)
    {
        if (arg is JList list)
        {
            foreach (var item in list)
            {
                Flatten(item, flattened);
            }
        }
        else
        {
            flattened.Add(arg);
        }

        return flattened;
    }

    private static object? EvaluateDescendants(object? input)
    {
        if (input is null)
        {
            return null;
        }

        var resultSequence = JList.Seq();
        RecurseDescendants(input, resultSequence);
        return resultSequence.Count == 1 ? resultSequence[0] : resultSequence;
    }

    private static void RecurseDescendants(object? input, JList results)
    {
        if (input is JList list)
        {
            foreach (var member in list)
            {
                RecurseDescendants(member, results);
            }

            return;
        }

        results.Add(input);
        if (input is JObject obj)
        {
            foreach (var value in obj.Values)
            {
                RecurseDescendants(value, results);
            }
        }
    }

    private JObject EvaluateGroup(List<(Node Key, Node Value)> pairs, int position, object? input, Frame environment)
    {
        var result = new JObject();
        var groups = new OrderedDictionary<string, (object? Data, int ExprIndex)>(StringComparer.Ordinal);
        var reduce = input is JList { TupleStream: true };
        JList inputList;
        if (input is JList l)
        {
            inputList = l;
        }
        else
        {
            inputList = JList.Seq(input);
        }

        if (inputList.Count == 0 && !reduce)
        {
            inputList = JList.Seq(null);
        }

        foreach (var item in inputList)
        {
            var env = reduce ? CreateFrameFromTuple(environment, (JObject)item!) : environment;
            for (var pairIndex = 0; pairIndex < pairs.Count; pairIndex++)
            {
                var key = Evaluate(pairs[pairIndex].Key, reduce ? ((JObject)item!).GetValueOrDefault("@") : item, env);
                if (key is not string and not null)
                {
                    throw new JsonataException("T1003", $"Key in object structure must evaluate to a string; got: {Functions.String(key)}", position) { Value = key };
                }

                if (key is string k)
                {
                    if (groups.TryGetValue(k, out var existing))
                    {
                        if (existing.ExprIndex != pairIndex)
                        {
                            throw new JsonataException("D1009", $"Multiple key definitions evaluate to same key: \"{k}\"", position) { Value = k };
                        }

                        groups[k] = (Functions.Append(existing.Data, item), pairIndex);
                    }
                    else
                    {
                        groups[k] = (item, pairIndex);
                    }
                }
            }
        }

        foreach (var (key, entry) in groups)
        {
            var context = entry.Data;
            var env = environment;
            if (reduce)
            {
                var tuple = ReduceTupleStream(entry.Data);
                context = tuple.GetValueOrDefault("@");
                tuple.Remove("@");
                env = CreateFrameFromTuple(environment, tuple);
            }

            var value = Evaluate(pairs[entry.ExprIndex].Value, context, env);
            if (value is not null)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static JObject ReduceTupleStream(object? tupleStream)
    {
        var result = new JObject();
        if (tupleStream is not JList list)
        {
            foreach (var (k, v) in (JObject)tupleStream!)
            {
                result[k] = v;
            }

            return result;
        }

        foreach (var (k, v) in (JObject)list[0]!)
        {
            result[k] = v;
        }

        for (var ii = 1; ii < list.Count; ii++)
        {
            foreach (var (k, v) in (JObject)list[ii]!)
            {
                result[k] = Functions.Append(result.GetValueOrDefault(k), v);
            }
        }

        return result;
    }

    private static JList? EvaluateRange(object? lhs, object? rhs)
    {
        if (lhs is not null && !(lhs is double l0 && double.IsInteger(l0)))
        {
            throw new JsonataException("T2003", "The left side of the range operator (..) must evaluate to an integer") { Value = lhs };
        }

        if (rhs is not null && !(rhs is double r0 && double.IsInteger(r0)))
        {
            throw new JsonataException("T2004", "The right side of the range operator (..) must evaluate to an integer") { Value = rhs };
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        var l = (double)lhs;
        var r = (double)rhs;
        if (l > r)
        {
            return null;
        }

        var size = r - l + 1;
        if (size > 1e7)
        {
            throw new JsonataException("D2014", $"The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {JsonText.NumberToString(size)}.") { Value = size };
        }

        var result = new JList((int)size) { Sequence = true };
        for (var item = l; item <= r; item++)
        {
            result.Add(item);
        }

        return result;
    }

    private object? EvaluateBind(Node expr, object? input, Frame environment)
    {
        var value = Evaluate(expr.Rhs!, input, environment);
        environment.Bind((string)expr.Lhs!.Value!, value);
        return value;
    }

    private object? EvaluateCondition(Node expr, object? input, Frame environment)
    {
        var condition = Evaluate(expr.Condition!, input, environment);
        if (Functions.Boolean(condition) == true)
        {
            return Evaluate(expr.Then!, input, environment);
        }

        return expr.Else is not null ? Evaluate(expr.Else, input, environment) : null;
    }

    private object? EvaluateBlock(Node expr, object? input, Frame environment)
    {
        object? result = null;
        var frame = new Frame(environment);
        foreach (var e in expr.Expressions!)
        {
            result = Evaluate(e, input, frame);
        }

        return result;
    }

    private static object? EvaluateVariable(Node expr, object? input, Frame environment)
    {
        var name = (string)expr.Value!;
        if (name.Length == 0)
        {
            return input is JList { OuterWrapper: true } wrapped ? wrapped[0] : input;
        }

        return environment.Lookup(name);
    }

    private JList EvaluateSort(Node expr, JList input, Frame environment)
    {
        var isTupleSort = input.TupleStream;
        bool Comparator(object? a, object? b)
        {
            var comp = 0;
            for (var index = 0; comp == 0 && index < expr.SortTerms!.Count; index++)
            {
                var term = expr.SortTerms[index];
                var context = a;
                var env = environment;
                if (isTupleSort)
                {
                    context = ((JObject)a!).GetValueOrDefault("@");
                    env = CreateFrameFromTuple(environment, (JObject)a!);
                }

                var aa = Evaluate(term.Expression, context, env);
                context = b;
                env = environment;
                if (isTupleSort)
                {
                    context = ((JObject)b!).GetValueOrDefault("@");
                    env = CreateFrameFromTuple(environment, (JObject)b!);
                }

                var bb = Evaluate(term.Expression, context, env);
                if (aa is null)
                {
                    comp = bb is null ? 0 : 1;
                    continue;
                }

                if (bb is null)
                {
                    comp = -1;
                    continue;
                }

                if (aa is not (string or double) || bb is not (string or double))
                {
                    throw new JsonataException("T2008", "The expressions within an order-by clause must evaluate to numeric or string values", expr.Position)
                    {
                        Value = aa is string or double ? bb : aa,
                    };
                }

                if (aa.GetType() != bb.GetType())
                {
                    throw new JsonataException("T2007", "Type mismatch when comparing values in order-by clause", expr.Position) { Value = aa };
                }

                if (StrictEqual(aa, bb))
                {
                    continue;
                }

                comp = aa is double x ? (x < (double)bb ? -1 : 1) : (string.CompareOrdinal((string)aa, (string)bb) < 0 ? -1 : 1);
                if (term.Descending)
                {
                    comp = -comp;
                }
            }

            return comp == 1;
        }

        var sorted = Functions.MergeSort(input, Comparator);
        return sorted;
    }

    private static NativeFunction EvaluateTransform(Node expr, Frame environment)
    {
        return new NativeFunction(TransformSignature, 1, (ctx, args) => ctx.Evaluator.Transform(expr, environment, args.Length > 0 ? args[0] : null));
    }

    private object? Transform(Node expr, Frame environment, object? obj)
    {
        if (obj is null)
        {
            return null;
        }

        var cloneFunction = environment.Lookup("clone");
        if (cloneFunction is not JFunction clone)
        {
            throw new JsonataException("T2013", "The transform expression clones the input object using the $clone() function.  This has been overridden in the current scope by a non-function.", expr.Position);
        }

        var result = Apply(clone, [obj], null, environment);
        var matches = Evaluate(expr.Pattern!, result, environment);
        if (matches is not null)
        {
            var matchList = matches as JList ?? [matches];
            foreach (var match in matchList)
            {
                var update = Evaluate(expr.Update!, match, environment);
                if (update is not null)
                {
                    if (update is not JObject updateObj)
                    {
                        throw new JsonataException("T2011", "The insert/update clause of the transform expression must evaluate to an object", expr.Update!.Position) { Value = update };
                    }

                    if (match is JObject target)
                    {
                        foreach (var (k, v) in updateObj)
                        {
                            target[k] = v;
                        }
                    }
                }

                if (expr.Delete is not null)
                {
                    var deletions = Evaluate(expr.Delete, match, environment);
                    if (deletions is not null)
                    {
                        var val = deletions;
                        var deletionList = deletions as JList ?? [deletions];
                        if (!IsArrayOfStrings(deletionList))
                        {
                            throw new JsonataException("T2012", "The delete clause of the transform expression must evaluate to a string or array of strings", expr.Delete.Position) { Value = val };
                        }

                        if (match is JObject target)
                        {
                            foreach (var d in deletionList)
                            {
                                target.Remove((string)d!);
                            }
                        }
                    }
                }
            }
        }

        return result;
    }

    private object? EvaluateApply(Node expr, object? input, Frame environment)
    {
        var lhs = Evaluate(expr.Lhs!, input, environment);
        if (expr.Rhs!.Type == "function")
        {
            return EvaluateFunction(expr.Rhs, input, environment, true, lhs);
        }

        var func = Evaluate(expr.Rhs, input, environment);
        if (func is not JFunction f)
        {
            throw new JsonataException("T2006", "The right side of the function application operator ~> must be a function", expr.Position) { Value = func };
        }

        if (lhs is JFunction)
        {
            var chain = Evaluate(ChainAst, null, environment);
            return Apply((JFunction)chain!, [lhs, func], null, environment);
        }

        return Apply(f, [lhs], null, environment);
    }

    private static bool IsTruthy(object? value) => value switch
    {
        null or JNull => false,
        bool b => b,
        double d => d != 0 && !double.IsNaN(d),
        string s => s.Length > 0,
        _ => true,
    };

    private object? EvaluateFunction(Node expr, object? input, Frame environment, bool hasApplyTo, object? applyTo)
    {
        var proc = Evaluate(expr.Procedure!, input, environment);
        if (proc is null && expr.Procedure!.Type == "path" && IsTruthy(environment.Lookup((string)expr.Procedure.Steps![0].Value!)))
        {
            var name = (string)expr.Procedure.Steps[0].Value!;
            throw new JsonataException("T1005", $"Attempted to invoke a non-function. Did you mean ${name}?", expr.Position, name);
        }

        var evaluatedArgs = new List<object?>(expr.Arguments!.Count + 1);
        if (hasApplyTo)
        {
            evaluatedArgs.Add(applyTo);
        }

        foreach (var argExpr in expr.Arguments)
        {
            evaluatedArgs.Add(Evaluate(argExpr, input, environment));
        }

        var procName = expr.Procedure!.Type == "path" ? expr.Procedure.Steps![0].Value as string : expr.Procedure.Value as string;
        try
        {
            return Apply(proc, [.. evaluatedArgs], input, environment);
        }
        catch (JsonataException err) when (Annotate(err, expr.Position, procName, false))
        {
            throw;
        }
    }

    public object? Apply(object? proc, object?[] args, object? input, Frame environment)
    {
        var result = ApplyInner(proc, args, input, environment);
        while (result is Lambda { Thunk: true } thunk)
        {
            var body = thunk.Body;
            var next = Evaluate(body.Procedure!, thunk.Input, thunk.Environment);
            var evaluatedArgs = new object?[body.Arguments!.Count];
            for (var ii = 0; ii < evaluatedArgs.Length; ii++)
            {
                evaluatedArgs[ii] = Evaluate(body.Arguments[ii], thunk.Input, thunk.Environment);
            }

            try
            {
                result = ApplyInner(next, evaluatedArgs, input, environment);
            }
            catch (JsonataException err) when (Annotate(err, body.Procedure!.Position, body.Procedure.Type == "variable" ? body.Procedure.Value as string : null, false))
            {
                throw;
            }
        }

        return result;
    }

    private object? ApplyInner(object? proc, object?[] args, object? input, Frame environment)
    {
        var validated = proc is JFunction { Signature: { } sig } ? sig.Validate(args, input) : args;
        switch (proc)
        {
            case Lambda lambda:
                return ApplyProcedure(lambda, validated);
            case NativeFunction native:
                return native.Implementation(new CallContext(this, environment, input), validated);
            case PartialNative partial:
                return ApplyPartialNative(partial, validated, input, environment);
            case RegexMatcher matcher:
                return ApplyRegex(matcher, validated.Length > 0 ? validated[0] as string : null, validated.Length > 1 && validated[1] is double from ? (int)from : 0);
            case MatchContinuation next:
                return next.From >= next.Input.Length ? null : ApplyRegexNext(next);
            default:
                throw new JsonataException("T1006", "Attempted to invoke a non-function");
        }
    }

    private object? ApplyPartialNative(PartialNative partial, object?[] args, object? input, Frame environment)
    {
        var arity = partial.Target.Arity;
        var full = new object?[arity];
        var next = 0;
        for (var i = 0; i < arity; i++)
        {
            if (i < partial.Bound.Length && partial.Placeholder[i])
            {
                full[i] = next < args.Length ? args[next] : null;
                next++;
            }
            else
            {
                full[i] = i < partial.Bound.Length ? partial.Bound[i] : null;
            }
        }

        if (partial.Target is NativeFunction native)
        {
            return native.Implementation(new CallContext(this, environment, input), full);
        }

        return ApplyInner(partial.Target, full, input, environment);
    }

    private object? ApplyProcedure(Lambda proc, object?[] args)
    {
        var env = new Frame(proc.Environment);
        for (var index = 0; index < proc.Arguments.Count; index++)
        {
            env.Bind((string)proc.Arguments[index].Value!, index < args.Length ? args[index] : null);
        }

        return Evaluate(proc.Body, proc.Input, env);
    }

    private static object? ApplyRegex(RegexMatcher matcher, string? str, int fromIndex)
    {
        if (str is null)
        {
            return null;
        }

        System.Text.RegularExpressions.Match match;
        try
        {
            match = fromIndex > str.Length ? System.Text.RegularExpressions.Match.Empty : matcher.Regex.Match(str, fromIndex);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            throw new JsonataException("D1012", "Regular expression evaluation timed out", matcher.Position, matcher.Source);
        }

        if (!match.Success)
        {
            return null;
        }

        var groups = new JList();
        for (var i = 1; i < match.Groups.Count; i++)
        {
            groups.Add(match.Groups[i].Success ? match.Groups[i].Value : null);
        }

        var end = match.Index + match.Length;
        return new JObject
        {
            ["match"] = match.Value,
            ["start"] = (double)match.Index,
            ["end"] = (double)end,
            ["groups"] = groups,
            ["next"] = new MatchContinuation { Matcher = matcher, Input = str, From = end },
        };
    }

    private static object? ApplyRegexNext(MatchContinuation next)
    {
        var result = ApplyRegex(next.Matcher, next.Input, next.From);
        if (result is JObject obj && obj["match"] is "")
        {
            throw new JsonataException("D1004", "Regular expression matches zero length string", next.Matcher.Position) { Value = next.Matcher.Source };
        }

        return result;
    }

    private static Lambda EvaluateLambda(Node expr, object? input, Frame environment) => new()
    {
        Input = input,
        Environment = environment,
        Arguments = expr.Arguments!,
        Signature = expr.Signature,
        Body = expr.Body!,
        Thunk = expr.Thunk,
    };

    private object? EvaluatePartialApplication(Node expr, object? input, Frame environment)
    {
        var evaluatedArgs = new object?[expr.Arguments!.Count];
        var placeholders = new bool[evaluatedArgs.Length];
        for (var ii = 0; ii < evaluatedArgs.Length; ii++)
        {
            var arg = expr.Arguments[ii];
            if (arg.Type == "operator" && (string?)arg.Value == "?")
            {
                placeholders[ii] = true;
            }
            else
            {
                evaluatedArgs[ii] = Evaluate(arg, input, environment);
            }
        }

        var proc = Evaluate(expr.Procedure!, input, environment);
        if (proc is null && expr.Procedure!.Type == "path" && IsTruthy(environment.Lookup((string)expr.Procedure.Steps![0].Value!)))
        {
            var name = (string)expr.Procedure.Steps[0].Value!;
            throw new JsonataException("T1007", $"Attempted to partially apply a non-function. Did you mean ${name}?", expr.Position, name);
        }

        switch (proc)
        {
            case Lambda lambda:
                var env = new Frame(lambda.Environment);
                var unbound = new List<Node>();
                for (var index = 0; index < lambda.Arguments.Count; index++)
                {
                    if (index < placeholders.Length && placeholders[index])
                    {
                        unbound.Add(lambda.Arguments[index]);
                    }
                    else
                    {
                        env.Bind((string)lambda.Arguments[index].Value!, index < evaluatedArgs.Length ? evaluatedArgs[index] : null);
                    }
                }

                return new Lambda { Input = lambda.Input, Environment = env, Arguments = unbound, Body = lambda.Body };
            case NativeFunction native:
                return new PartialNative { Target = native, Bound = evaluatedArgs, Placeholder = placeholders };
            case JFunction other:
                return new PartialNative
                {
                    Target = new NativeFunction((string?)null, other.Arity, (ctx, a) => ctx.Evaluator.Apply(other, a, ctx.Input, ctx.Environment)),
                    Bound = evaluatedArgs,
                    Placeholder = placeholders,
                };
            default:
                var token = expr.Procedure!.Type == "path" ? expr.Procedure.Steps![0].Value as string : expr.Procedure.Value as string;
                throw new JsonataException("T1008", "Attempted to partially apply a non-function", expr.Position, token);
        }
    }

    internal static bool IsNumeric(object? n)
    {
        if (n is double d)
        {
            if (double.IsNaN(d))
            {
                return false;
            }

            if (double.IsInfinity(d))
            {
                throw new JsonataException("D1001", $"Number out of range: {JsonText.NumberToString(d)}") { Value = d };
            }

            return true;
        }

        return false;
    }

    internal static bool IsArrayOfStrings(object? arg) => arg is JList list && list.All(i => i is string);

    internal static bool IsArrayOfNumbers(object? arg) => arg is JList list && list.All(IsNumeric);

    internal static bool DeepEqual(object? lhs, object? rhs)
    {
        if (StrictEqual(lhs, rhs))
        {
            return true;
        }

        if (lhs is JList la && rhs is JList ra)
        {
            if (la.Count != ra.Count)
            {
                return false;
            }

            for (var i = 0; i < la.Count; i++)
            {
                if (!DeepEqual(la[i], ra[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (lhs is JObject lo && rhs is JObject ro)
        {
            if (lo.Count != ro.Count)
            {
                return false;
            }

            foreach (var (key, value) in lo)
            {
                if (!ro.TryGetValue(key, out var other) || !DeepEqual(value, other))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }
}
