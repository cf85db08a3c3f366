using System.Text.Json;
using AssistanceApi.Domain;
using AssistanceApi.Http;

namespace AssistanceApi.Persistence.Documents;

/// <summary>A request's content to and from its stored document (<see cref="RequestContentDocument"/>): one (de)serialization each way.</summary>
public static class StoredContent
{
    public static string Write(RequestDetails details) => JsonSerializer.Serialize(StoredContentMapping.ToDocument(details), JsonDefaults.Options);

    public static RequestDetails Read(string json) =>
        StoredContentMapping.ToDetails(JsonSerializer.Deserialize<RequestContentDocument>(json, JsonDefaults.Options)
                                       ?? throw new InvalidDataException("A stored request content is null."));
}
