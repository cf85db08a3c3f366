using AssistanceApi.Domain;
using AssistanceApi.Domain.Events;

namespace AssistanceApi.Tests.Domain.Events;

public sealed class EventTypeTests
{
    private static readonly LifecycleAction[] Actions = [.. Lifecycle.Actions, Lifecycle.Update, Lifecycle.Discard, Lifecycle.Expire];

    public static TheoryData<string> EveryAction() => [.. Actions.Select(a => a.Name)];

    private static LifecycleAction Action(string name) => Actions.Single(a => a.Name == name);

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Every_lifecycle_action_announces_a_type_of_the_closed_list(string action)
    {
        var type = EventTypes.For(Action(action));

        Assert.Contains(type, EventTypes.All);
        Assert.Equal(EventAudience.Request, type.Audience);
    }

    [Fact]
    public void Each_action_has_a_type_of_its_own() =>
        Assert.Equal(Actions.Length, Actions.Select(a => EventTypes.For(a).Name).Distinct().Count());

    [Fact]
    public void An_action_outside_the_table_has_no_type() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EventTypes.For(Lifecycle.Submit with { Name = "invented" }));

    [Fact]
    public void The_list_holds_the_types_the_issue_names_once_each()
    {
        string[] named =
        [
            "request.drafted", "request.updated", "request.discarded", "request.submitted", "request.acknowledged", "message.received",
            "client.created", "client.rotated", "client.revoked", "directory.entry-changed", "request.acknowledgement-overdue",
            "preservation.expiring", "preservation.expired", "request.deadline-passed", "webhook.disabled",
        ];

        Assert.All(named, name => Assert.NotNull(EventTypes.Find(name)));
        Assert.Equal(EventTypes.All.Count, EventTypes.All.Select(t => t.Name).Distinct().Count());
        Assert.Null(EventTypes.Find("request.teleported"));
    }

    [Fact]
    public void Admin_events_are_for_a_state_admin_and_directory_events_for_the_secretariat()
    {
        Assert.Equal(EventAudience.StateAdmin, EventTypes.ClientCreated.Audience);
        Assert.Equal(EventAudience.StateAdmin, EventTypes.ClientRotated.Audience);
        Assert.Equal(EventAudience.StateAdmin, EventTypes.ClientRevoked.Audience);
        Assert.Equal(EventAudience.Secretariat, EventTypes.DirectoryEntryChanged.Audience);
    }
}
