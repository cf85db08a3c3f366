using AssistanceApi.Auth;
using AssistanceApi.Treaty;

namespace AssistanceApi.Features.Requests;

/// <summary>Builds what a caller sees of a request, with the actions open to it at this moment.</summary>
public sealed class RequestPresenter(TimeProvider clock, TreatyOptions options)
{
    public DateTimeOffset Now => clock.Now();

    public RequestResource Present(RequestRecord row, Caller caller) => RequestResource.From(row, caller, clock.Now(), options);

    public GuardContext GuardFor(RequestRecord row) => new(row.ProgressValue, clock.Now(), options);
}
