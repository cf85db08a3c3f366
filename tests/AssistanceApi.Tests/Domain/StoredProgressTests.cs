namespace AssistanceApi.Tests.Domain;

using System.Text.Json.Nodes;
using AssistanceApi.Domain;
using RequestRecord = AssistanceApi.Features.Requests.RequestRecord;
using static AssistanceApi.Tests.Domain.DomainKit;

/// <summary>
/// The progress column holds the domain's progress as JSON: renaming a property of the domain would silently change
/// every document written from then on and leave the stored ones unread. This pins the bytes.
/// </summary>
public sealed class StoredProgressTests
{
    private static RequestProgress Everything() => new()
    {
        RequestedReference = "BfJ-7",
        Confidentiality = ConfidentialityAnswer.CanComply,
        InformationRequests = [new InformationRequest { Questions = ["Which account?"], AskedAt = Now, ReturnTo = RequestStatus.InExecution, Answers = ["42"], AnsweredAt = Now }],
        Consultation = new Consultation
        {
            Intent = ConsultationIntent.Refuse, ProposedConditions = ["only for this case"], Reasons = "r", OpenedAt = Now,
            Answer = ConsultationAnswer.Declined, Comment = "c", AnsweredAt = Now,
        },
        Conditions = ["only for this case"],
        Refusal = new Refusal { Grounds = [new RefusalGround { Ground = "essential-interests", Provision = "uncc-40-21-b" }], Reasons = "r", RefusedAt = Now },
        Postponement = new Postponement { Reasons = "r", Until = new DateOnly(2026, 5, 1), PostponedAt = Now },
        Outcome = new Outcome { Result = ExecutionOutcome.PartiallyExecuted, Summary = "s", UnexecutedReasons = "u", CompletedAt = Now },
        Withdrawal = new Withdrawal { Reason = "w", WithdrawnAt = Now },
        Release = new ReleaseNote { Reason = "n", ByState = Borduria, ReleasedAt = Now },
    };

    /// <summary>Written out indented for the reader; compared without the white space, byte for byte.</summary>
    private const string Golden =
        """
        {
          "requestedReference": "BfJ-7",
          "confidentiality": "can-comply",
          "informationRequests": [
            {
              "questions": [
                "Which account?"
              ],
              "askedAt": "2026-03-02T09:30:00Z",
              "returnTo": "in-execution",
              "answers": [
                "42"
              ],
              "answeredAt": "2026-03-02T09:30:00Z"
            }
          ],
          "consultation": {
            "intent": "refuse",
            "proposedConditions": [
              "only for this case"
            ],
            "reasons": "r",
            "openedAt": "2026-03-02T09:30:00Z",
            "answer": "declined",
            "comment": "c",
            "answeredAt": "2026-03-02T09:30:00Z"
          },
          "conditions": [
            "only for this case"
          ],
          "refusal": {
            "grounds": [
              {
                "ground": "essential-interests",
                "provision": "uncc-40-21-b"
              }
            ],
            "reasons": "r",
            "refusedAt": "2026-03-02T09:30:00Z"
          },
          "postponement": {
            "reasons": "r",
            "until": "2026-05-01",
            "postponedAt": "2026-03-02T09:30:00Z"
          },
          "outcome": {
            "result": "partially-executed",
            "summary": "s",
            "unexecutedReasons": "u",
            "completedAt": "2026-03-02T09:30:00Z"
          },
          "withdrawal": {
            "reason": "w",
            "withdrawnAt": "2026-03-02T09:30:00Z"
          },
          "release": {
            "reason": "n",
            "byState": "BOR",
            "releasedAt": "2026-03-02T09:30:00Z"
          }
        }
        """;

    [Fact]
    public void Progress_is_stored_as_these_bytes_and_read_back_from_them()
    {
        var stored = RequestRecord.StoredProgress(Everything());
        Assert.Equal(JsonNode.Parse(Golden)!.ToJsonString(), stored);
        Assert.Equal(stored, RequestRecord.StoredProgress(new RequestRecord { Progress = stored }.ProgressValue));
    }

    [Fact]
    public void An_empty_progress_reads_as_nothing_yet()
    {
        var progress = new RequestRecord { Progress = "{}" }.ProgressValue;
        Assert.Empty(progress.InformationRequests);
        Assert.Null(progress.Consultation);
    }
}
