using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace AssistanceApi.Features.Documents;

/// <summary>What a Range header asks of a document of a given size (RFC 9110 §14): all of it, one part, or nothing it has.</summary>
public abstract partial record ByteRange
{
    public static ByteRange Resolve(string? header, long size)
    {
        // A number past 64 bits is past any document's end. Read as the largest there is (the parser refuses more than 19
        // digits), a last-pos ends at the last byte (RFC 9110 14.1.2), a suffix takes the whole document and a first-pos is
        // unsatisfiable, as any past the end.
        if (header is not null) header = LongNumber().Replace(header, m =>
            (long.TryParse(m.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue).ToString(CultureInfo.InvariantCulture));
        // No header, a malformed one, another unit or several ranges: the whole document (a server may ignore Range).
        if (string.IsNullOrEmpty(header) || !RangeHeaderValue.TryParse(header, out var parsed)
            || !string.Equals(parsed.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase) || parsed.Ranges.Count != 1)
            return new Whole(size);
        var range = parsed.Ranges.Single();
        if (range.From is { } from)
        {
            if (from >= size) return new Unsatisfiable(size);
            var to = range.To is { } end && end < size ? end : size - 1;
            return new Part(from, to, size);
        }
        if (range.To is { } suffix and > 0)
            return size == 0 ? new Unsatisfiable(size) : new Part(Math.Max(0, size - suffix), size - 1, size);
        return new Unsatisfiable(size);
    }

    [GeneratedRegex("[0-9]{19,}")]
    private static partial Regex LongNumber();
}

public sealed record Whole(long Size) : ByteRange;

/// <summary>Bytes <see cref="From"/> to <see cref="To"/> inclusive.</summary>
public sealed record Part(long From, long To, long Size) : ByteRange
{
    public long Length => To - From + 1;
}

public sealed record Unsatisfiable(long Size) : ByteRange;
