using AssistanceApi.Treaty;

namespace AssistanceApi.Domain;

/// <summary>Receipt, questions and answers, execution and its outcome; withdrawal by the requesting State.</summary>
public sealed partial record Request
{
    /// <summary>
    /// The requested State confirms receipt (Art. 40(13)); a confidential request is acknowledged with an answer on
    /// whether it can be kept confidential (Art. 40(20)), and only a confidential one.
    /// </summary>
    public Decision Acknowledge(ActionContext context, string? requestedReference, ConfidentialityAnswer? confidentiality)
    {
        if (Check(Lifecycle.Acknowledge, context) is { } denied) return denied;
        var confidential = Details.Confidential == true;
        if (confidential && confidentiality is null)
            return Rejected.One(Citations.Confidentiality, "confidentiality",
                "say whether the request can be kept confidential: can-comply or cannot-comply.",
                "A confidential request is acknowledged with an answer on confidentiality.");
        if (!confidential && confidentiality is not null)
            return new NotApplicable("confidentiality", "The request did not ask for confidentiality.", "only for a request with confidential: true");

        var progress = Progress.With(p =>
        {
            p.RequestedReference = requestedReference;
            p.Confidentiality = confidentiality;
        });
        return Become(Lifecycle.Acknowledge, context, progress, new { requestedReference, confidentiality });
    }

    /// <summary>The requested State asks what it needs to execute the request (Art. 40(16)); answering returns it to where it was.</summary>
    public Decision RequestInformation(ActionContext context, IReadOnlyList<string> questions)
    {
        if (Check(Lifecycle.RequestInformation, context) is { } denied) return denied;
        if (questions.Count == 0)
            return Rejected.One(Citations.AdditionalInformation, "questions", "state the additional information needed to execute the request.",
                "Ask at least one question.");

        var asked = new InformationRequest { Questions = [.. questions], AskedAt = context.Now, ReturnTo = Status };
        return Become(Lifecycle.RequestInformation, context, Progress.With(p => p.InformationRequests.Add(asked)), new { questions });
    }

    /// <summary>The requesting State answers the open questions (Art. 40(16)); the request returns to the status it had.</summary>
    public Decision ProvideInformation(ActionContext context, IReadOnlyList<string> answers)
    {
        if (Check(Lifecycle.ProvideInformation, context) is { } denied) return denied;
        if (answers.Count == 0)
            return Rejected.One(Citations.AdditionalInformation, "answers", "answer the requested State's questions.", "Give at least one answer.");

        var open = Progress.InformationRequests[^1];
        var answered = new InformationRequest
        {
            Questions = open.Questions, AskedAt = open.AskedAt, ReturnTo = open.ReturnTo, Answers = [.. answers], AnsweredAt = context.Now,
        };
        return Become(Lifecycle.ProvideInformation, context, Progress.With(p => p.InformationRequests[^1] = answered), new { answers },
            to: open.ReturnTo);
    }

    /// <summary>The requested State executes the request under its domestic law (Art. 40(17)).</summary>
    public Decision StartExecution(ActionContext context) =>
        Check(Lifecycle.StartExecution, context) ?? (Decision)Become(Lifecycle.StartExecution, context, Progress, null);

    /// <summary>
    /// The requested State reports the outcome. Not executing part of a request is refusing that part: the reasons
    /// are owed (Art. 40(24)). The documents it names as <c>returned</c> must each be the requested State's evidence or
    /// execution record, none superseded; their manifest goes into the outcome, so the requesting State can later prove
    /// what it received.
    /// </summary>
    public Decision Complete(ActionContext context, ExecutionOutcome outcome, string summary, string? unexecutedReasons,
        IReadOnlyList<Documents.ReturnedDocument>? returned = null)
    {
        if (Check(Lifecycle.Complete, context) is { } denied) return denied;
        if (returned?.FirstOrDefault(d => d.Purpose is not (Documents.DocumentPurpose.Evidence or Documents.DocumentPurpose.ExecutionRecord)) is { } notEvidence)
            return Rejected.One(Citations.Execution, "evidenceDocumentIds",
                $"name only evidence and execution-record documents; {notEvidence.Item.DocumentId} is a {KebabCase.Of(notEvidence.Purpose)}.",
                "A completion returns the requested State's evidence and execution records.");
        if (returned?.FirstOrDefault(d => d.Superseded) is { } superseded)
            return Rejected.One(Citations.Execution, "evidenceDocumentIds",
                $"document {superseded.Item.DocumentId} is superseded: name the document that replaced it.",
                "A completion returns current documents.");
        var evidence = returned is { Count: > 0 } ? Documents.EvidenceManifest.Of(Id, returned.Select(d => d.Item)) : null;
        var partial = outcome == ExecutionOutcome.PartiallyExecuted;
        if (partial && string.IsNullOrWhiteSpace(unexecutedReasons))
            return Rejected.One(RefusalGrounds.ReasonsProvision, "unexecutedReasons", "give the reasons why part of the request was not executed.",
                "A partial execution gives the reasons for what was not executed.");

        var result = new Outcome { Result = outcome, Summary = summary, UnexecutedReasons = unexecutedReasons, CompletedAt = context.Now, Evidence = evidence };
        object audited = evidence is null ? new { outcome, summary, unexecutedReasons } : new { outcome, summary, unexecutedReasons, evidence };
        return Become(Lifecycle.Complete, context, Progress.With(p => p.Outcome = result), audited,
            to: partial ? RequestStatus.PartiallyExecuted : RequestStatus.Executed);
    }

    /// <summary>The requesting State no longer requires the assistance (Art. 40(25)).</summary>
    public Decision Withdraw(ActionContext context, string reason)
    {
        if (Check(Lifecycle.Withdraw, context) is { } denied) return denied;
        var withdrawal = new Withdrawal { Reason = reason, WithdrawnAt = context.Now };
        return Become(Lifecycle.Withdraw, context, Progress.With(p => p.Withdrawal = withdrawal), new { reason });
    }
}
