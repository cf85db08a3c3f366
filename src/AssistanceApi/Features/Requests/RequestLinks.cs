namespace AssistanceApi.Features.Requests;

/// <summary>
/// Where one request is read: the endpoint name the Get slice receives from the host's name generator
/// (namespace Features.Requests.Get → RequestsGet), so a create can answer its Location without referring to that slice.
/// </summary>
public static class RequestLinks
{
    public const string GetById = "RequestsGet";
}
