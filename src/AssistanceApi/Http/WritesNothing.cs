namespace AssistanceApi.Http;

/// <summary>
/// Endpoint metadata of a POST that only checks: sent again it changes nothing, so the document offers it no
/// Idempotency-Key and says why.
/// </summary>
public sealed class WritesNothing
{
    public static readonly WritesNothing Metadata = new();

    public const string Description = "Writes nothing, so no Idempotency-Key is needed: sent again, it only checks again.";

    private WritesNothing()
    {
    }
}
