using AssistanceApi.Auth;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests;

/// <summary>Builds what a caller sees of a request, with the actions open to it at this moment.</summary>
public sealed class RequestPresenter(TimeProvider clock, TreatyOptions options)
{
    public DateTimeOffset Now => clock.Now();

    public RequestResource Present(RequestRecord row, Caller caller) => Present(row, caller, clock.Now());

    /// <summary>The request as it is at <paramref name="now"/>: a write presents at the time of its unit of work.</summary>
    public RequestResource Present(RequestRecord row, Caller caller, DateTimeOffset now) => RequestResource.From(row, caller, now, options);

    /// <summary>The request as <see cref="Present(RequestRecord, Caller, DateTimeOffset)"/> shows it, written straight from the row when sent.</summary>
    public WrittenRequest Written(RequestRecord row, Caller caller, DateTimeOffset now) => new(row, caller, now, options);

    /// <summary>A page of requests as they are at <paramref name="now"/>, each written straight from its row when sent.</summary>
    public WrittenPage Written(Page<RequestRecord> page, Caller caller, DateTimeOffset now) => new(page.Items, page.NextCursor, caller, now, options);
}
