using System.Globalization;
using Jsonata.Formatting;

namespace Jsonata.Tests.Formatting;

/// <summary>Calls the formatting API for a literal call as the engine would, and says what the reference would say.</summary>
internal static class SuiteRunner
{
    /// <summary>A fixed evaluation clock (2018-06-15T12:00:00Z): results the suite expects do not depend on it.</summary>
    public const double Now = 1529064000000;

    /// <summary>What came out: a string, a number, null for undefined, or an error code.</summary>
    public sealed record Outcome(object? Value, string? Code);

    /// <summary>Why the engine, not this API, decides the case; null when the API decides it.</summary>
    public static string? EngineOnly(IReadOnlyList<LiteralCall> calls)
    {
        var first = calls[0];
        if (first.Arguments.Count > 0 && first.Arguments[0] == LiteralCall.Undefined)
        {
            return "undefined argument: the engine returns undefined without calling the function";
        }

        foreach (var call in calls)
        {
            var args = call == first ? call.Arguments : [0.0, .. call.Arguments];
            if (!FitsSignature(call.Function, args))
            {
                return "arguments outside the function's signature: the engine's T0410";
            }
        }

        return null;
    }

    private static bool FitsSignature(string function, IReadOnlyList<object?> args)
    {
        bool Is<T>(int i) => i < args.Count && args[i] is T;
        bool Absent(int i) => i >= args.Count;
        return function switch
        {
            "formatNumber" => args.Count is 2 or 3 && Is<double>(0) && Is<string>(1) && (Absent(2) || Is<Dictionary<string, string>>(2)),
            "formatInteger" => args.Count == 2 && Is<double>(0) && Is<string>(1),
            "parseInteger" => args.Count == 2 && Is<string>(0) && Is<string>(1),
            "fromMillis" => args.Count is >= 1 and <= 3 && Is<double>(0) && (Absent(1) || Is<string>(1)) && (Absent(2) || Is<string>(2)),
            "toMillis" => args.Count is 1 or 2 && Is<string>(0) && (Absent(1) || Is<string>(1)),
            _ => false,
        };
    }

    public static Outcome Run(IReadOnlyList<LiteralCall> calls)
    {
        object? value = null;
        try
        {
            for (var i = 0; i < calls.Count; i++)
            {
                var args = i == 0 ? calls[i].Arguments : [value, .. calls[i].Arguments];
                if (i > 0 && value is null)
                {
                    return new Outcome(null, null);
                }

                value = Call(calls[i].Function, args);
            }

            return new Outcome(value, null);
        }
        catch (JsonataException e)
        {
            return new Outcome(null, e.Code);
        }
    }

    private static object? Call(string function, IReadOnlyList<object?> args)
    {
        string? Text(int i) => i < args.Count ? (string?)args[i] : null;
        double Number(int i) => Convert.ToDouble(args[i], CultureInfo.InvariantCulture);
        return function switch
        {
            "formatNumber" => NumberPicture.Format(Number(0), Text(1)!,
                args.Count > 2 ? DecimalFormat.FromOptions((Dictionary<string, string>)args[2]!) : null),
            "formatInteger" => IntegerPicture.Format(Number(0), Text(1)!),
            "parseInteger" => IntegerPicture.Parse(Text(0)!, Text(1)!),
            "fromMillis" => DateTimePicture.Format(Number(0), Text(1), Text(2)),
            "toMillis" => DateTimePicture.Parse(Text(0)!, Text(1), Now),
            _ => throw new InvalidOperationException(function),
        };
    }
}
