namespace AssistanceApi.Tests.Domain;

using AssistanceApi.Domain;
using AssistanceApi.Treaty;

/// <summary>Requests built in memory between two States of the test's own (no host, no database, no seeds), at a fixed time.</summary>
internal static class DomainKit
{
    public const string Atlantis = "ATL";
    public const string Borduria = "BOR";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    public static readonly TreatyOptions Options = new();

    public static ActionContext By(Side side, DateTimeOffset? at = null) => new(side, at ?? Now, Options);

    public static ActionContext Requesting => By(Side.Requesting);

    public static ActionContext Requested => By(Side.Requested);

    /// <summary>A request of <paramref name="kind"/> in <paramref name="status"/>, submitted a day ago unless a draft.</summary>
    public static Request At(
        RequestStatus status, RequestKind kind = RequestKind.MutualLegalAssistance, RequestProgress? progress = null, RequestDetails? details = null,
        DateTimeOffset? preservedUntil = null) => new()
    {
        Id = Guid.Parse("019a4a3e-8c1f-7d2a-9b3c-4d5e6f708192"),
        RequestingState = Atlantis,
        RequestedState = Borduria,
        Kind = kind,
        Status = status,
        Version = 4,
        Details = details ?? new RequestDetails { Kind = kind, RequestedState = Borduria },
        Progress = progress ?? new RequestProgress(),
        SubmittedAt = status == RequestStatus.Draft ? null : Now.AddDays(-1),
        Reference = status == RequestStatus.Draft ? null : "ATL-BOR-2026-000007",
        PreservedUntil = preservedUntil ?? (status == RequestStatus.Preserved ? Now.AddDays(70) : null),
    };

    /// <summary>In consultation, opened <paramref name="openedDaysAgo"/> days ago, answered or not.</summary>
    public static Request InConsultation(ConsultationAnswer? answer = null, int openedDaysAgo = 1) => At(RequestStatus.Consultation, progress: new RequestProgress
    {
        Consultation = new Consultation
        {
            Intent = ConsultationIntent.Refuse, ProposedConditions = ["use only for the named proceeding"], OpenedAt = Now.AddDays(-openedDaysAgo),
            Answer = answer, AnsweredAt = answer is null ? null : Now.AddHours(-1),
        },
    });

    public static RequestChange Changed(Decision decision) => Assert.IsType<RequestChange>(decision);

    public static ProvisionBreach Breach(Decision decision) => Assert.Single(Assert.IsType<Rejected>(decision).Breaches);
}
