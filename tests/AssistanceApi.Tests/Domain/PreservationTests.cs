namespace AssistanceApi.Tests.Domain;

using AssistanceApi.Domain;
using AssistanceApi.Treaty;
using static AssistanceApi.Tests.Domain.DomainKit;

public sealed class PreservationTests
{
    private const RequestKind Preservation = RequestKind.ExpeditedPreservation;

    /// <summary>Submitted a day before <see cref="DomainKit.Now"/>: the minimum period ends on this day.</summary>
    private static readonly DateOnly MinimumEnd = DateOnly.FromDateTime(Now.AddDays(-1 + Options.PreservationMinimumDays).UtcDateTime);

    [Fact]
    public void Preserving_sets_the_period_to_the_end_of_the_day_named()
    {
        var change = Changed(At(RequestStatus.Acknowledged, Preservation).Preserve(Requested, MinimumEnd));
        Assert.Equal(RequestStatus.Preserved, change.After.Status);
        Assert.Equal(new DateTimeOffset(MinimumEnd.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero), change.After.PreservedUntil);
        Assert.Equivalent(new { preservedUntil = MinimumEnd }, change.AuditDetails);
    }

    [Fact]
    public void A_period_shorter_than_the_minimum_from_submission_is_rejected_citing_Art_42_7()
    {
        var breach = Breach(At(RequestStatus.Acknowledged, Preservation).Preserve(Requested, MinimumEnd.AddDays(-1)));
        Assert.Equal(Citations.PreservationPeriod, breach.ProvisionId);
        Assert.Equal("preservedUntil", breach.Field);
        Assert.Contains($"{Options.PreservationMinimumDays} days", breach.Message);
    }

    [Fact]
    public void An_extension_ends_after_the_current_end()
    {
        var preserved = At(RequestStatus.Preserved, Preservation, preservedUntil: new DateTimeOffset(2026, 6, 30, 23, 59, 59, TimeSpan.Zero));

        Assert.Contains("2026-06-30", Breach(preserved.Extend(Requesting, new DateOnly(2026, 6, 30))).Message);
        var change = Changed(preserved.Extend(Requesting, new DateOnly(2026, 7, 31)));
        Assert.Equal(RequestStatus.Preserved, change.After.Status);
        Assert.Equal(new DateTimeOffset(2026, 7, 31, 23, 59, 59, TimeSpan.Zero), change.After.PreservedUntil);
        Assert.IsType<WrongSide>(preserved.Extend(Requested, new DateOnly(2026, 7, 31)));
    }

    [Theory]
    [InlineData(Side.Requesting, Atlantis)]
    [InlineData(Side.Requested, Borduria)]
    public void Either_State_releases_and_the_release_names_it(Side side, string state)
    {
        var change = Changed(At(RequestStatus.Preserved, Preservation).Release(By(side), "No longer needed."));
        Assert.Equal(RequestStatus.Released, change.After.Status);
        Assert.Equal(Now, change.After.ClosedAt);
        Assert.Equal(state, change.After.Progress.Release!.ByState);
    }

    [Fact]
    public void An_expired_preservation_is_closed_when_its_period_ended_not_when_the_sweep_ran()
    {
        var end = Now.AddDays(-3);
        var change = Changed(At(RequestStatus.Preserved, Preservation, preservedUntil: end).Expire(By(Side.Neither)));
        Assert.Equal(RequestStatus.Expired, change.After.Status);
        Assert.Equal(end, change.After.ClosedAt);
        Assert.Null(change.AuditDetails);
        Assert.IsType<WrongSide>(At(RequestStatus.Preserved, Preservation, preservedUntil: end).Expire(Requesting));
    }

    [Fact]
    public void Preservation_actions_are_for_preservation_requests_only()
    {
        var denied = Assert.IsType<WrongKind>(At(RequestStatus.Acknowledged).Preserve(Requested, MinimumEnd));
        Assert.Equal(["request-information", "start-execution", "consult"], denied.AllowedActions);
    }
}
