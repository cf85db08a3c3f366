namespace AssistanceApi.Domain;

public enum RequestStatus
{
    Draft, Submitted, Acknowledged, InformationRequested, InExecution, Consultation, Postponed, Preserved,
    Executed, PartiallyExecuted, Refused, Withdrawn, Released, Expired,

    /// <summary>A draft its State discarded: kept with its history, visible to nobody.</summary>
    Discarded,
}
