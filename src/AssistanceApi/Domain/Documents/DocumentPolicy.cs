using System.Collections.Frozen;
using static AssistanceApi.Domain.RequestStatus;

namespace AssistanceApi.Domain.Documents;

/// <summary>Why a side may not add or supersede a document now; null from <see cref="DocumentPolicy"/>: it may.</summary>
public abstract record DocumentDenial(DocumentPurpose Purpose);

/// <summary>The purpose is the other State's: the requesting State sends the letter, the requested State returns evidence.</summary>
public sealed record NotThisSidesPurpose(DocumentPurpose Purpose, Side Owner) : DocumentDenial(Purpose);

/// <summary>The side may add this purpose, but not in the request's status.</summary>
public sealed record NotInThisStatus(DocumentPurpose Purpose, RequestStatus Status, IReadOnlySet<RequestStatus> OpenIn) : DocumentDenial(Purpose);

/// <summary>
/// Who adds which document when, as data. The requesting State adds its letter, translations and supporting papers
/// while it can still act on the request: from the draft until the request ends. The requested State returns
/// evidence and its execution record while it executes the request: from start-execution until complete.
/// </summary>
public static class DocumentPolicy
{
    private static readonly FrozenSet<RequestStatus> WhileOpen =
        Enum.GetValues<RequestStatus>().Where(s => !Lifecycle.Terminal.Contains(s)).ToFrozenSet();

    private static readonly FrozenSet<RequestStatus> WhileExecuting = new[] { InExecution }.ToFrozenSet();

    /// <summary>The side whose documents these are.</summary>
    public static Side OwnerOf(DocumentPurpose purpose) =>
        purpose is DocumentPurpose.Evidence or DocumentPurpose.ExecutionRecord ? Side.Requested : Side.Requesting;

    /// <summary>The statuses in which a purpose's owner may add (or supersede) one.</summary>
    public static IReadOnlySet<RequestStatus> OpenIn(DocumentPurpose purpose) =>
        OwnerOf(purpose) == Side.Requested ? WhileExecuting : WhileOpen;

    /// <summary>Whether <paramref name="by"/> may add a document of this purpose to a request in <paramref name="status"/>.</summary>
    public static DocumentDenial? MayAdd(DocumentPurpose purpose, Side by, RequestStatus status)
    {
        var owner = OwnerOf(purpose);
        if (by != owner) return new NotThisSidesPurpose(purpose, owner);
        var open = OpenIn(purpose);
        return open.Contains(status) ? null : new NotInThisStatus(purpose, status, open);
    }

    /// <summary>
    /// A document is superseded by the side that added it, when it could add one like it: a later letter replaces
    /// the earlier one, corrected evidence the evidence before it. The superseded one stays: it is a legal record.
    /// </summary>
    public static DocumentDenial? MaySupersede(DocumentPurpose purpose, Side by, RequestStatus status) => MayAdd(purpose, by, status);
}
