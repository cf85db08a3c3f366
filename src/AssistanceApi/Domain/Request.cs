namespace AssistanceApi.Domain;

/// <summary>
/// A request for assistance between two States: the aggregate every change of a request goes through. Nothing
/// changes in place: each lifecycle action is a method that consults the lifecycle table and the treaty and returns
/// a <see cref="Decision"/> — the <see cref="RequestChange"/>, or why not.
/// </summary>
public sealed partial record Request
{
    public required Guid Id { get; init; }
    public required string RequestingState { get; init; }
    public required string RequestedState { get; init; }
    public required RequestKind Kind { get; init; }
    public required RequestStatus Status { get; init; }
    public required long Version { get; init; }
    public RequestDetails Details { get; init; } = new();
    public RequestProgress Progress { get; init; } = new();
    public string? Reference { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? AcknowledgeBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? PreservedUntil { get; init; }

    /// <summary>The side a State is on in this request; a State that is neither party acts on neither side.</summary>
    public Side SideOf(string? state) =>
        state == RequestingState ? Side.Requesting : state == RequestedState ? Side.Requested : Side.Neither;

    /// <summary>The actions open to the acting side now: what its allowedActions list.</summary>
    public IReadOnlyList<string> AllowedActions(ActionContext context) => Lifecycle.Allowed(Kind, Status, context.By, GuardAt(context));

    /// <summary>
    /// Whether the lifecycle table lets this side take the action now, in the order a caller learns it: the kind of
    /// request, the side, the status, then the action's guard. Null: it may.
    /// </summary>
    public Denied? Check(LifecycleAction action, ActionContext context)
    {
        if (action.Kinds is { } kinds && !kinds.Contains(Kind)) return new WrongKind(action, AllowedActions(context));
        if (!action.IsTakenBy(context.By)) return new WrongSide(action);
        if (!action.From.Contains(Status)) return new WrongStatus(action, Status, AllowedActions(context));
        if (action.Guard is { } guard && !guard.Passes(GuardAt(context))) return new GuardNotMet(action, guard, AllowedActions(context));
        return null;
    }

    private GuardContext GuardAt(ActionContext context) => new(Progress, context.Now, context.Options, PreservedUntil);

    /// <summary>
    /// The change an allowed action makes: its status (the table's, else <paramref name="to"/>), the next version, the
    /// progress, the time columns the action stamps and closedAt on entering a terminal status; then what the action's
    /// body sets besides.
    /// </summary>
    private RequestChange Become(
        LifecycleAction action, ActionContext context, RequestProgress progress, object? auditDetails,
        RequestStatus? to = null, Func<Request, Request>? body = null)
    {
        var now = context.Now;
        var status = action.To ?? to ?? throw new ArgumentNullException(nameof(to), $"{action} decides its status in its body.");
        var after = this with
        {
            Status = status,
            Version = Version + 1,
            Progress = progress,
            SubmittedAt = action.Stamps.HasFlag(Stamps.SubmittedAt) ? now : SubmittedAt,
            AcknowledgedAt = action.Stamps.HasFlag(Stamps.AcknowledgedAt) ? now : AcknowledgedAt,
            ClosedAt = Lifecycle.Terminal.Contains(status) ? now : ClosedAt,
        };
        return new RequestChange(action, this, body is null ? after : body(after), now, auditDetails);
    }

    private string StateOf(Side side) => side == Side.Requesting ? RequestingState : RequestedState;

    /// <summary>The last moment of a day, UTC: deadlines and preservation periods run to the end of the day named.</summary>
    private static DateTimeOffset EndOf(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero);
}
