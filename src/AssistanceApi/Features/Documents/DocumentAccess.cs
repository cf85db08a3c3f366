using System.Data.Common;
using AssistanceApi.Auth;
using AssistanceApi.Domain;
using AssistanceApi.Domain.Documents;
using AssistanceApi.Features.Requests;
using AssistanceApi.Http;

namespace AssistanceApi.Features.Documents;

/// <summary>
/// Who may touch a request's documents: whoever may see the request (else 404: a third State learns nothing), and for
/// adding or superseding, what <see cref="DocumentPolicy"/> says for the caller's side and the request's status.
/// </summary>
public static class DocumentAccess
{
    public static Task<RequestRecord> VisibleRequestAsync(DbConnection connection, Guid requestId, Caller caller, DateTimeOffset now, DbTransaction? transaction = null) =>
        RequestRecord.LoadVisibleAsync(connection, requestId, caller, now, transaction);

    /// <summary>Throws the caller's problem when its side may not add (or supersede) a document of this purpose now.</summary>
    public static void EnsureMay(DocumentDenial? denial, RequestRecord row, Caller caller, DateTimeOffset now, RequestPresenter presenter, string verb)
    {
        switch (denial)
        {
            case null:
                return;
            case NotThisSidesPurpose other:
                throw Problems.Forbidden("document-purpose-of-other-state", "purpose",
                    $"Only the {(other.Owner == Side.Requesting ? "requesting" : "requested")} State may {verb} {KebabCase.Of(other.Purpose)} documents.");
            case NotInThisStatus status:
                throw Problems.Conflict("document-not-now",
                    $"{KebabCase.Of(status.Purpose)} documents may be {(verb == "add" ? "added" : "superseded")} only while the request is " +
                    $"{string.Join(", ", status.OpenIn.Select(s => KebabCase.Of(s)))}; it is {KebabCase.Of(status.Status)}.",
                    presenter.Present(row, caller, now).AllowedActions);
        }
    }
}
