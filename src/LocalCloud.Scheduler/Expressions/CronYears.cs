
namespace LocalCloud.Scheduler.Expressions;

/// <summary>The sixth (year) field of an AWS cron expression, which standard cron lacks.</summary>
internal sealed class CronYears
{
    public const int First = 1970;
    public const int Last = 2199;

    private readonly bool[] _allowed = new bool[Last - First + 1];

    private CronYears()
    {
    }

    public bool Contains(int year) => year is >= First and <= Last && _allowed[year - First];

    /// <summary>The first allowed year at or after <paramref name="year"/>, or null.</summary>
    public int? FirstFrom(int year)
    {
        for (var y = Math.Max(year, First); y <= Last; y++)
        {
            if (_allowed[y - First])
            {
                return y;
            }
        }
        return null;
    }

    public static CronYears? Parse(string field)
    {
        var years = new CronYears();
        foreach (var item in field.Split(','))
        {
            if (!years.AddItem(item))
            {
                return null;
            }
        }
        return years;
    }

    private bool AddItem(string item)
    {
        var step = 1;
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(item[(slash + 1)..], out step) || step < 1)
            {
                return false;
            }
            item = item[..slash];
        }
        int from, to;
        if (item == "*")
        {
            (from, to) = (First, Last);
        }
        else if (item.Split('-') is [var a, var b])
        {
            if (!TryYear(a, out from) || !TryYear(b, out to) || to < from)
            {
                return false;
            }
        }
        else if (TryYear(item, out from))
        {
            to = slash >= 0 ? Last : from;
        }
        else
        {
            return false;
        }
        for (var y = from; y <= to; y += step)
        {
            _allowed[y - First] = true;
        }
        return true;
    }

    private static bool TryYear(string text, out int year)
        => int.TryParse(text, out year) && text.Length == 4 && year is >= First and <= Last;
}
