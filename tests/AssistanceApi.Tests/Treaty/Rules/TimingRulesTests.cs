using AssistanceApi.Treaty.Rules;
using static AssistanceApi.Tests.Treaty.Rules.RuleKit;

namespace AssistanceApi.Tests.Treaty.Rules;

public sealed class TimingRulesTests
{
    [Fact]
    public void ReasonedDeadline_passes_a_future_deadline_with_reasons_and_urgency_with_reasons() =>
        Assert.Empty(TimingRules.ReasonedDeadline.Breaches(Context(Mla() with
        {
            Deadline = Today.AddDays(1), DeadlineReasons = "Trial date.", Urgent = true, UrgencyReasons = "Logs rotate.",
        })));

    [Fact]
    public void ReasonedDeadline_fails_a_past_deadline_without_reasons_and_urgency_without_reasons() =>
        Assert.Equal(["deadline", "deadlineReasons", "urgencyReasons"],
            TimingRules.ReasonedDeadline.Breaches(Context(Mla() with { Deadline = Today, Urgent = true })));

    [Fact]
    public void EmergencyJustified_passes_a_justified_emergency_and_no_emergency()
    {
        Assert.Empty(TimingRules.EmergencyJustified.Breaches(Context(Mla() with { Emergency = true, EmergencyJustification = "A child is at risk." })));
        Assert.Empty(TimingRules.EmergencyJustified.Breaches(Context(Mla() with { Emergency = false })));
    }

    [Fact]
    public void EmergencyJustified_fails_an_emergency_without_justification() =>
        Assert.Equal(["emergencyJustification"], TimingRules.EmergencyJustified.Breaches(Context(Mla() with { Emergency = true })));
}
