using AssistanceApi.Auth;
using AssistanceApi.Domain.Events;
using AssistanceApi.Http;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Events.List;

public sealed class Endpoint(IMediator mediator, FeedCursor cursors) : Endpoint<ListEventsRequest, EventPage>
{
    public override void Configure()
    {
        Get("/events");
        Roles([.. ClientRoles.All]);
        Description(b => b.ProducesProblems(400, 401, 403, 410));
        Summary(s =>
        {
            s.Summary = "Follow the event feed";
            s.Description =
                "Every event the caller may see, oldest first, from the cursor `after` (the `nextCursor` of the previous call). " +
                "A request's events are seen by whoever may see the request; a State administrator sees its State's client events; " +
                "the secretariat the directory's. A cursor older than the retention (Events:RetentionDays, default 90) is answered with 410.";
            s.Responses[410] = "The cursor is older than the retention: start again without after.";
        });
    }

    public override async Task HandleAsync(ListEventsRequest request, CancellationToken ct)
    {
        var after = cursors.Read(request.After, out var position) switch
        {
            FeedCursor.Reading.Opened => position,
            FeedCursor.Reading.Unopenable => throw Handler.CursorExpired("The cursor can no longer be opened",
                "This cursor can no longer be opened: it was sealed under an audit chain key no longer configured, or written before cursors were sealed. "),
            _ => throw Problems.BadRequest("after is not a cursor of this feed.",
                new ProblemError("after", "after must be a nextCursor value returned by the feed.", "invalid-cursor")),
        };
        await Send.OkAsync(await mediator.Send(
            new ListEventsQuery(Caller.Of(HttpContext), after, request.TypeNames, request.Limit ?? ListEventsRequest.DefaultLimit), ct), ct);
    }
}

public sealed class ListEventsRequest
{
    public const int DefaultLimit = 50, MaxLimit = 200;

    /// <summary>The <c>nextCursor</c> of the previous call; absent: from the oldest event kept.</summary>
    [QueryParam] public string? After { get; init; }

    /// <summary>Comma-separated event types; absent: every type.</summary>
    [QueryParam] public string? Types { get; init; }

    /// <summary>Events per page, 1–200; 50 when absent.</summary>
    [QueryParam] public int? Limit { get; init; }

    public IReadOnlyList<string>? TypeNames => Types?.Split(',', StringSplitOptions.TrimEntries).Distinct().ToList();
}

public sealed class ListEventsValidator : Validator<ListEventsRequest>
{
    public ListEventsValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListEventsRequest.MaxLimit).WithErrorCode("invalid-limit")
            .WithMessage($"limit must be between 1 and {ListEventsRequest.MaxLimit}.");
        RuleForEach(q => q.TypeNames).Must(name => EventTypes.Find(name) is not null).OverridePropertyName("types").WithErrorCode("unknown-event-type")
            .WithMessage((_, name) => JsonFieldErrors.NotAnEventType(name));
    }
}
