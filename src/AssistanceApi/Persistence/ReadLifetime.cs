using System.Globalization;

namespace AssistanceApi.Persistence;

/// <summary>How long a process may keep what it read (keys, list pages, requests by id): a setting in seconds, checked at start.</summary>
public static class ReadLifetime
{
    /// <summary>
    /// <paramref name="key"/> in seconds, from 0 to <paramref name="max"/> (its default); anything else (a negative
    /// number, more than the maximum, NaN, a word) stops the start with a message naming the setting and
    /// <paramref name="why"/> the bound holds.
    /// </summary>
    public static TimeSpan From(IConfiguration config, string key, TimeSpan max, string why)
    {
        var text = config[key];
        var seconds = max.TotalSeconds;
        // !(in range) rather than (out of range): NaN is in no range.
        if (text is not null && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)
                                 || !(seconds >= 0 && seconds <= max.TotalSeconds)))
            throw new InvalidOperationException(
                $"{key} ({key.Replace(":", "__")}) is {text}: it must be a number of seconds between 0 and {max.TotalSeconds}, {why}.");
        return TimeSpan.FromSeconds(seconds);
    }
}
