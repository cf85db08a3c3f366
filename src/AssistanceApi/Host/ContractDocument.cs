using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// What the document says of itself: its licence, whom to ask, and a description for every tag an operation uses.
/// A tag used without a description here is still declared, and the linters then ask for one.
/// </summary>
public sealed class ContractDocument : IDocumentProcessor
{
    private static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Clients"] = "API keys of a State's systems: issued, listed, rotated and revoked by the State's state-admin (the secretariat: the first state-admin, and revocation in an emergency).",
        ["Events"] = "The feed of changes a caller may see, oldest first, from a cursor.",
        ["Offences"] = "The Convention offences (Arts. 7-17) a request may name.",
        ["Provisions"] = "The treaty catalogue: every provision an error code or a finding cites.",
        ["Requests"] = "Mutual legal assistance, expedited preservation and traffic data disclosure requests: drafting, validation, submission and the lifecycle actions of both States.",
        ["Secretariat"] = "The secretariat's own admin log.",
        ["States"] = "The directory of the 193 UN Member States (Convention status, central authority, 24/7 point of contact, declarations) and each State's admin log.",
        ["Statistics"] = "Counts and durations of requests over whole days.",
        ["Webhooks"] = "Subscriptions that push the same events as the feed to a URL, signed by the Standard Webhooks specification.",
    };

    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        document.Info.License = new OpenApiLicense { Name = "MIT", Url = "https://opensource.org/license/mit" };
        document.Info.Contact = new OpenApiContact { Name = "The secretariat operating this deployment" };

        var used = document.Operations.SelectMany(o => o.Operation.Tags).Distinct().Order(StringComparer.Ordinal);
        document.Tags = used.Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) }).ToList();
    }

    /// <summary>
    /// Every deployment serves its own document, so the one server is the one that served it: a relative URL
    /// (Swagger UI calls the page's own host; a generated client is given its base address).
    /// </summary>
    public static void SetServer(OpenApiDocument document)
    {
        document.Servers.Clear();
        document.Servers.Add(new OpenApiServer { Url = "/", Description = "The host that serves this document" });
    }
}
