using AssistanceApi.Domain;
using AssistanceApi.Domain.Events;
using static AssistanceApi.Domain.RequestStatus;

namespace AssistanceApi.Tests.Domain.Events;

public sealed class EventVisibilityTests
{
    private const string From = "DEU", To = "FRA", Third = "ITA";

    private static bool Sees(string state, Office office, RequestStatus status, RequestKind kind = RequestKind.MutualLegalAssistance) =>
        EventVisibility.MaySee(state, office, From, To, kind, status);

    [Fact]
    public void The_requesting_state_sees_its_drafts_events_and_their_discarding()
    {
        Assert.True(Sees(From, Office.CentralAuthority, Draft));
        Assert.True(Sees(From, Office.CentralAuthority, Discarded));
    }

    [Fact]
    public void The_requested_state_never_learns_of_a_draft_nor_of_its_discarding()
    {
        Assert.False(Sees(To, Office.CentralAuthority, Draft));
        Assert.False(Sees(To, Office.CentralAuthority, Discarded));
    }

    [Theory]
    [InlineData(Submitted)]
    [InlineData(Acknowledged)]
    [InlineData(Withdrawn)]
    [InlineData(Expired)]
    public void Both_states_see_an_exchanged_requests_events(RequestStatus status)
    {
        Assert.True(Sees(From, Office.CentralAuthority, status));
        Assert.True(Sees(To, Office.CentralAuthority, status));
    }

    [Fact]
    public void A_third_state_sees_no_event_in_any_status() =>
        Assert.All(Enum.GetValues<RequestStatus>(), status => Assert.False(Sees(Third, Office.CentralAuthority, status)));

    [Fact]
    public void A_contact_point_sees_the_expedited_kinds_only()
    {
        Assert.True(Sees(To, Office.ContactPoint, Submitted, RequestKind.ExpeditedPreservation));
        Assert.True(Sees(From, Office.ContactPoint, Submitted, RequestKind.TrafficDataDisclosure));
        Assert.False(Sees(To, Office.ContactPoint, Submitted, RequestKind.MutualLegalAssistance));
        Assert.False(Sees(From, Office.ContactPoint, Draft, RequestKind.MutualLegalAssistance));
    }

    [Fact]
    public void What_a_side_sees_of_a_request_it_sees_of_its_events() =>
        Assert.All(Enum.GetValues<RequestStatus>(), status =>
        {
            if (Visibility.SeenByRequestingState.Contains(status)) Assert.Contains(status, EventVisibility.SeenByRequestingState);
            if (Visibility.SeenByRequestedState.Contains(status)) Assert.Contains(status, EventVisibility.SeenByRequestedState);
        });
}
