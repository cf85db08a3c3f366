using AssistanceApi.Domain;
using AssistanceApi.Domain.Documents;

namespace AssistanceApi.Tests.Domain.Documents;

/// <summary>Who adds which document when: every purpose, from each side, in every status.</summary>
public sealed class DocumentPolicyTests
{
    public static TheoryData<DocumentPurpose, RequestStatus> EveryPurposeAndStatus()
    {
        var data = new TheoryData<DocumentPurpose, RequestStatus>();
        foreach (var purpose in Enum.GetValues<DocumentPurpose>())
            foreach (var status in Enum.GetValues<RequestStatus>()) data.Add(purpose, status);
        return data;
    }

    [Theory, MemberData(nameof(EveryPurposeAndStatus))]
    public void Each_side_adds_its_own_purposes_in_the_statuses_open_to_it(DocumentPurpose purpose, RequestStatus status)
    {
        var requesting = purpose is DocumentPurpose.RequestLetter or DocumentPurpose.Translation or DocumentPurpose.Supporting;
        var owner = requesting ? Side.Requesting : Side.Requested;
        var other = requesting ? Side.Requested : Side.Requesting;
        var open = requesting ? !Lifecycle.Terminal.Contains(status) : status == RequestStatus.InExecution;

        Assert.IsType<NotThisSidesPurpose>(DocumentPolicy.MayAdd(purpose, other, status));
        Assert.IsType<NotThisSidesPurpose>(DocumentPolicy.MayAdd(purpose, Side.Neither, status));
        if (open) Assert.Null(DocumentPolicy.MayAdd(purpose, owner, status));
        else Assert.Equal(new NotInThisStatus(purpose, status, DocumentPolicy.OpenIn(purpose)), DocumentPolicy.MayAdd(purpose, owner, status));
    }

    [Fact]
    public void The_requesting_state_may_add_its_letter_to_a_draft_and_after_submission() =>
        Assert.All(new[] { RequestStatus.Draft, RequestStatus.Submitted, RequestStatus.InformationRequested },
            s => Assert.Null(DocumentPolicy.MayAdd(DocumentPurpose.RequestLetter, Side.Requesting, s)));

    [Fact]
    public void Evidence_is_returned_only_while_the_request_is_executed()
    {
        Assert.Null(DocumentPolicy.MayAdd(DocumentPurpose.Evidence, Side.Requested, RequestStatus.InExecution));
        Assert.NotNull(DocumentPolicy.MayAdd(DocumentPurpose.Evidence, Side.Requested, RequestStatus.Acknowledged));
        Assert.NotNull(DocumentPolicy.MayAdd(DocumentPurpose.Evidence, Side.Requested, RequestStatus.Executed));
    }
}
