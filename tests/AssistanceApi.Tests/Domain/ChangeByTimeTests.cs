namespace AssistanceApi.Tests.Domain;

using AssistanceApi.Domain;
using static AssistanceApi.Tests.Domain.DomainKit;

/// <summary>
/// Lifecycle.NextChangeByTime: the first moment time alone may change what a request shows, which bounds how long a
/// kept list page may be sent. At that moment, and not one tick before, the answer of the guards moves.
/// </summary>
public sealed class ChangeByTimeTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static IReadOnlyList<string> Allowed(Request request, Side side, DateTimeOffset at) =>
        Lifecycle.Allowed(request.Kind, request.Status, side, new GuardContext(request.Progress, at, Options, request.PreservedUntil));

    private static DateTimeOffset? Next(Request request, DateTimeOffset? at = null) =>
        Lifecycle.NextChangeByTime(request.Progress, request.PreservedUntil, at ?? Now, Options);

    [Fact]
    public void An_unanswered_consultation_changes_when_its_period_runs_out()
    {
        var consulting = InConsultation(openedDaysAgo: 1);
        var moment = Assert.IsType<DateTimeOffset>(Next(consulting));

        Assert.Equal(Now.AddDays(Options.ConsultationTimeoutDays - 1), moment);
        Assert.DoesNotContain("refuse", Allowed(consulting, Side.Requested, moment - Tick));
        Assert.Contains("refuse", Allowed(consulting, Side.Requested, moment));
    }

    [Fact]
    public void An_answered_consultation_or_one_past_its_period_changes_no_more_by_time()
    {
        Assert.Null(Next(InConsultation(ConsultationAnswer.Declined)));
        Assert.Null(Next(InConsultation(openedDaysAgo: Options.ConsultationTimeoutDays + 1)));
    }

    [Fact]
    public void A_preservation_changes_when_its_period_ends()
    {
        var preserved = At(RequestStatus.Preserved, RequestKind.ExpeditedPreservation, preservedUntil: Now.AddHours(2));
        var moment = Assert.IsType<DateTimeOffset>(Next(preserved));

        Assert.Equal(Now.AddHours(2), moment);
        Assert.False(Lifecycle.PreservationEnded.Passes(new GuardContext(preserved.Progress, moment, Options, preserved.PreservedUntil)));
        Assert.True(Lifecycle.PreservationEnded.Passes(new GuardContext(preserved.Progress, moment + Tick, Options, preserved.PreservedUntil)));
    }

    [Fact]
    public void A_period_already_ended_changes_nothing_more()
    {
        var lapsed = At(RequestStatus.Preserved, RequestKind.ExpeditedPreservation, preservedUntil: Now.AddSeconds(-1));
        Assert.Null(Next(lapsed));
    }

    [Fact]
    public void The_earlier_of_two_moments_wins()
    {
        var both = At(RequestStatus.Consultation, progress: InConsultation(openedDaysAgo: 1).Progress, preservedUntil: Now.AddDays(3));
        Assert.Equal(Now.AddDays(3), Next(both));
        var consultationFirst = At(RequestStatus.Consultation, progress: InConsultation(openedDaysAgo: 1).Progress, preservedUntil: Now.AddDays(60));
        Assert.Equal(Now.AddDays(Options.ConsultationTimeoutDays - 1), Next(consultationFirst));
    }

    [Fact]
    public void A_request_without_a_clock_never_changes_by_time()
    {
        Assert.Null(Next(At(RequestStatus.InExecution)));
        Assert.Null(Next(At(RequestStatus.Draft)));
    }
}
