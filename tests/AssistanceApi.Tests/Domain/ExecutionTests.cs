namespace AssistanceApi.Tests.Domain;

using AssistanceApi.Domain;
using AssistanceApi.Treaty;
using static AssistanceApi.Tests.Domain.DomainKit;

public sealed class ExecutionTests
{
    private static Request Confidential(bool confidential) =>
        At(RequestStatus.Submitted, details: new RequestDetails { RequestedState = Borduria, Confidential = confidential });

    [Fact]
    public void Acknowledging_stamps_the_receipt_and_keeps_the_reference_and_the_answer_on_confidentiality()
    {
        var submitted = Confidential(true);
        var change = Changed(submitted.Acknowledge(Requested, "BfJ-7", ConfidentialityAnswer.CannotComply));

        Assert.Equal(RequestStatus.Acknowledged, change.After.Status);
        Assert.Equal(Now, change.After.AcknowledgedAt);
        Assert.Equal("BfJ-7", change.After.Progress.RequestedReference);
        Assert.Equal(ConfidentialityAnswer.CannotComply, change.After.Progress.Confidentiality);
        Assert.Null(submitted.Progress.RequestedReference);
        Assert.Equivalent(new { requestedReference = "BfJ-7", confidentiality = ConfidentialityAnswer.CannotComply }, change.AuditDetails);
    }

    [Fact]
    public void A_confidential_request_is_acknowledged_with_an_answer_on_confidentiality_and_only_a_confidential_one()
    {
        var missing = Assert.IsType<Rejected>(Confidential(true).Acknowledge(Requested, null, null));
        Assert.Equal(Citations.Confidentiality, Assert.Single(missing.Breaches).ProvisionId);
        Assert.Equal("confidentiality", missing.Breaches[0].Field);

        var needless = Assert.IsType<NotApplicable>(Confidential(false).Acknowledge(Requested, null, ConfidentialityAnswer.CanComply));
        Assert.Equal("confidentiality", needless.Field);
        Assert.Null(Changed(Confidential(false).Acknowledge(Requested, null, null)).After.Progress.Confidentiality);
    }

    [Fact]
    public void Questions_are_asked_with_where_the_request_returns_and_need_at_least_one()
    {
        var change = Changed(At(RequestStatus.InExecution).RequestInformation(Requested, ["Which account?"]));
        Assert.Equal(RequestStatus.InformationRequested, change.After.Status);
        var asked = Assert.Single(change.After.Progress.InformationRequests);
        Assert.Equal(["Which account?"], asked.Questions);
        Assert.Equal(RequestStatus.InExecution, asked.ReturnTo);
        Assert.Equal(Now, asked.AskedAt);

        Assert.Equal(Citations.AdditionalInformation, Breach(At(RequestStatus.Acknowledged).RequestInformation(Requested, [])).ProvisionId);
    }

    [Fact]
    public void Answers_return_the_request_to_where_it_was_and_need_at_least_one()
    {
        var asked = Changed(At(RequestStatus.InExecution).RequestInformation(Requested, ["Which account?"])).After;

        var change = Changed(asked.ProvideInformation(Requesting, ["Account 42."]));

        Assert.Equal(RequestStatus.InExecution, change.After.Status);
        var answered = Assert.Single(change.After.Progress.InformationRequests);
        Assert.Equal(["Account 42."], answered.Answers);
        Assert.Equal(Now, answered.AnsweredAt);
        Assert.Null(Assert.Single(asked.Progress.InformationRequests).Answers);
        Assert.Equal("answers", Breach(asked.ProvideInformation(Requesting, [])).Field);
    }

    [Fact]
    public void Starting_execution_changes_only_the_status()
    {
        var acknowledged = At(RequestStatus.Acknowledged);
        var change = Changed(acknowledged.StartExecution(Requested));
        Assert.Equal(RequestStatus.InExecution, change.After.Status);
        Assert.Same(acknowledged.Progress, change.After.Progress);
        Assert.Null(change.After.ClosedAt);
    }

    [Theory]
    [InlineData(ExecutionOutcome.Executed, null, RequestStatus.Executed)]
    [InlineData(ExecutionOutcome.PartiallyExecuted, "The second account is closed.", RequestStatus.PartiallyExecuted)]
    public void Completing_closes_the_request_with_its_outcome(ExecutionOutcome outcome, string? unexecutedReasons, RequestStatus closed)
    {
        var change = Changed(At(RequestStatus.InExecution).Complete(Requested, outcome, "Records sent.", unexecutedReasons));
        Assert.Equal(closed, change.After.Status);
        Assert.Equal(Now, change.After.ClosedAt);
        Assert.Equal(outcome, change.After.Progress.Outcome!.Result);
        Assert.Equivalent(new { outcome, summary = "Records sent.", unexecutedReasons }, change.AuditDetails);
    }

    [Fact]
    public void A_partial_execution_gives_its_reasons_Art_40_24()
    {
        var breach = Breach(At(RequestStatus.InExecution).Complete(Requested, ExecutionOutcome.PartiallyExecuted, "Some records sent.", " "));
        Assert.Equal(RefusalGrounds.ReasonsProvision, breach.ProvisionId);
        Assert.Equal("unexecutedReasons", breach.Field);
    }

    [Fact]
    public void Withdrawing_closes_the_request_with_the_reason()
    {
        var change = Changed(At(RequestStatus.Postponed).Withdraw(Requesting, "The suspect was arrested."));
        Assert.Equal(RequestStatus.Withdrawn, change.After.Status);
        Assert.Equal(Now, change.After.ClosedAt);
        Assert.Equal("The suspect was arrested.", change.After.Progress.Withdrawal!.Reason);
        Assert.IsType<WrongSide>(At(RequestStatus.Postponed).Withdraw(Requested, "No."));
    }
}
