using AssistanceApi.Domain;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests;

/// <summary>How long a request as it was read may be sent again: never past the first moment time alone changes what it shows.</summary>
public static class KeptUntil
{
    /// <summary><paramref name="until"/>, or earlier if time alone changes <paramref name="row"/> before it (<see cref="Lifecycle.NextChangeByTime"/>).</summary>
    public static DateTimeOffset Of(RequestRecord row, DateTimeOffset until, DateTimeOffset now, TreatyOptions options)
    {
        var progress = row.Progress is "{}" ? new RequestProgress() : row.ProgressValue;
        return Lifecycle.NextChangeByTime(progress, row.PreservedUntil, now, options) is { } moment && moment < until ? moment : until;
    }
}
