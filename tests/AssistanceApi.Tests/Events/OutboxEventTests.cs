using AssistanceApi.Domain.Events;
using AssistanceApi.Events;

namespace AssistanceApi.Tests.Events;

public sealed class OutboxEventTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_requests_event_is_for_the_requests_audience() =>
        Assert.Equal("request", new OutboxEvent(EventTypes.For(AssistanceApi.Domain.Lifecycle.Submit), At).Audience);

    [Fact]
    public void A_client_event_is_for_its_states_administrator() =>
        Assert.Equal("state-admin:FRA", new OutboxEvent(EventTypes.ClientCreated, At) { AudienceState = "FRA" }.Audience);

    [Fact]
    public void A_secretariat_clients_event_and_a_directory_event_are_the_secretariats()
    {
        Assert.Equal("secretariat", new OutboxEvent(EventTypes.ClientRevoked, At).Audience);
        Assert.Equal("secretariat", new OutboxEvent(EventTypes.DirectoryEntryChanged, At) { AudienceState = "NOR" }.Audience);
    }
}
