namespace AssistanceApi.Tests.Domain;

using AssistanceApi.Domain;
using AssistanceApi.Treaty;
using static AssistanceApi.Tests.Domain.DomainKit;

public sealed class ConsultationTests
{
    [Fact]
    public void Consulting_opens_a_consultation_with_the_proposed_conditions()
    {
        var change = Changed(At(RequestStatus.InExecution).Consult(Requested, ConsultationIntent.Postpone, ["after the trial"], "A trial is under way."));
        Assert.Equal(RequestStatus.Consultation, change.After.Status);
        var consultation = change.After.Progress.Consultation!;
        Assert.Equal(ConsultationIntent.Postpone, consultation.Intent);
        Assert.Equal(["after the trial"], consultation.ProposedConditions);
        Assert.Equal(Now, consultation.OpenedAt);
        Assert.Null(consultation.Answer);
    }

    [Fact]
    public void Accepting_binds_the_conditions_and_resumes_execution()
    {
        var consulting = InConsultation();
        var change = Changed(consulting.AcceptConditions(Requesting, "Agreed."));
        Assert.Equal(RequestStatus.InExecution, change.After.Status);
        Assert.Equal(consulting.Progress.Consultation!.ProposedConditions, change.After.Progress.Conditions);
        Assert.Equal(ConsultationAnswer.Accepted, change.After.Progress.Consultation!.Answer);
        Assert.Equal(Now, change.After.Progress.Consultation.AnsweredAt);
        Assert.Null(consulting.Progress.Consultation.Answer);
        Assert.Equivalent(new { answer = ConsultationAnswer.Accepted, comment = "Agreed." }, change.AuditDetails);
    }

    [Fact]
    public void Declining_records_the_answer_and_leaves_the_consultation_open()
    {
        var change = Changed(InConsultation().DeclineConditions(Requesting, null));
        Assert.Equal(RequestStatus.Consultation, change.After.Status);
        Assert.Equal(ConsultationAnswer.Declined, change.After.Progress.Consultation!.Answer);
        Assert.Null(change.After.Progress.Conditions);
        Assert.Contains("refuse", change.After.AllowedActions(Requested));
    }

    [Fact]
    public void Refusing_closes_the_request_with_each_ground_and_its_provision()
    {
        var change = Changed(InConsultation(ConsultationAnswer.Declined).Refuse(Requested, ["essential-interests", "no-dual-criminality"], "Sovereignty."));
        Assert.Equal(RequestStatus.Refused, change.After.Status);
        Assert.Equal(Now, change.After.ClosedAt);
        var refusal = change.After.Progress.Refusal!;
        Assert.Equal(["uncc-40-21-b", "uncc-40-9"], refusal.Grounds.Select(g => g.Provision));
        Assert.Equal("Sovereignty.", refusal.Reasons);
    }

    [Fact]
    public void A_refusal_without_ground_or_reasons_lists_both_breaches()
    {
        var rejected = Assert.IsType<Rejected>(InConsultation(ConsultationAnswer.Declined).Refuse(Requested, [], " "));
        Assert.Equal([RefusalGrounds.ClosedListProvision, RefusalGrounds.ReasonsProvision], rejected.Breaches.Select(b => b.ProvisionId));
        Assert.Equal(["grounds", "reasons"], rejected.Breaches.Select(b => b.Field));
    }

    [Theory]
    [InlineData("bank-secrecy", "uncc-40-8")]
    [InlineData("fiscal-matters", "uncc-40-23")]
    [InlineData("too-much-work", RefusalGrounds.ClosedListProvision)]
    public void A_ground_outside_the_closed_list_is_a_breach_of_the_provision_that_rules_it_out(string ground, string provision)
    {
        var breach = Breach(InConsultation(ConsultationAnswer.Declined).Refuse(Requested, ["essential-interests", ground], "Reasons."));
        Assert.Equal(provision, breach.ProvisionId);
        Assert.Equal("grounds[1]", breach.Field);
    }

    [Fact]
    public void Refusal_waits_for_the_consultation_before_it_looks_at_the_grounds()
    {
        Assert.IsType<GuardNotMet>(InConsultation().Refuse(Requested, [], null));
    }

    [Fact]
    public void Postponing_needs_the_proceeding_and_a_day_still_to_come()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var rejected = Assert.IsType<Rejected>(InConsultation(ConsultationAnswer.Declined).Postpone(Requested, null, today));
        Assert.Equal(["reasons", "until"], rejected.Breaches.Select(b => b.Field));
        Assert.All(rejected.Breaches, b => Assert.Equal(Citations.Postponement, b.ProvisionId));

        var change = Changed(InConsultation(ConsultationAnswer.Declined).Postpone(Requested, "A trial is under way.", today.AddDays(1)));
        Assert.Equal(RequestStatus.Postponed, change.After.Status);
        Assert.Equal(today.AddDays(1), change.After.Progress.Postponement!.Until);
        Assert.Null(change.After.ClosedAt);
    }

    [Fact]
    public void Resuming_continues_execution()
    {
        Assert.Equal(RequestStatus.InExecution, Changed(At(RequestStatus.Postponed).Resume(Requested)).After.Status);
        Assert.IsType<WrongSide>(At(RequestStatus.Postponed).Resume(Requesting));
    }
}
