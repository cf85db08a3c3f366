using AssistanceApi.Http;
using FastEndpoints;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// The headers of the contract, in each operation that takes or sends them, so a generated client has them as
/// parameters and results: If-Match wherever a stale version is a 412 (and If-None-Match on a read that may be a 304),
/// ETag on the answers that carry a version,
/// Idempotency-Key on every POST that writes (a check that writes nothing says so instead). Roles are said in the
/// description: OpenAPI 3.0 gives an API key no scopes.
/// </summary>
public sealed class ContractHeaders : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var method = context.OperationDescription.Method;

        if (operation.Responses.ContainsKey("412") && method == OpenApiOperationMethod.Get)
        {
            operation.Parameters.Add(Header("If-Match", "An ETag (e.g. \"3\"): the answer is 412 unless it names the current version."));
            if (operation.Responses.ContainsKey("304"))
                operation.Parameters.Add(Header("If-None-Match", "The ETag you hold (a list, or *): 304 with no body while it names the current version."));
            AddETag(operation, "The entity tag of this version (of the request, or of the directory entry): send it as If-Match with a change" +
                               (operation.Responses.ContainsKey("304") ? ", or as If-None-Match to read it again only if it changed." : "."));
        }
        else if (operation.Responses.ContainsKey("412"))
        {
            operation.Parameters.Add(Header("If-Match", "The ETag of the version you read (e.g. \"3\"); a stale one is 412. Without it the change applies to whatever version is current."));
            AddETag(operation, "The entity tag of the new version (of the request, or of the directory entry): send it as If-Match with the next change.");
        }
        var metadata = (context as AspNetCoreOperationProcessorContext)?.ApiDescription.ActionDescriptor.EndpointMetadata ?? [];
        if (method == OpenApiOperationMethod.Post && metadata.OfType<WritesNothing>().Any())
            operation.Description = $"{operation.Description} {WritesNothing.Description}".TrimStart();
        else if (method == OpenApiOperationMethod.Post)
            operation.Parameters.Add(Header("Idempotency-Key", "Send the same key again with the same body to get the first response again (24 hours); with another body: 422 idempotency-key-reused."));

        DescribeRoles(metadata.OfType<EndpointDefinition>().SingleOrDefault()?.AllowedRoles, operation);
        return true;
    }

    private static void AddETag(OpenApiOperation operation, string description)
    {
        foreach (var (_, response) in operation.Responses.Where(r => (r.Key.StartsWith('2') && r.Key != "204") || r.Key == "304"))
            response.Headers["ETag"] = new OpenApiHeader { Description = description, Schema = new JsonSchema { Type = JsonObjectType.String } };
    }

    private static void DescribeRoles(IReadOnlyCollection<string>? roles, OpenApiOperation operation)
    {
        foreach (var requirement in operation.Security ?? [])
            foreach (var scheme in requirement.Keys.ToList())
                requirement[scheme] = [];

        if (roles is null || roles.Count == 0) return;
        var line = "Roles: " + string.Join(", ", roles) + ".";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? line : operation.Description + "\n\n" + line;
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        Kind = OpenApiParameterKind.Header,
        IsRequired = false,
        Description = description,
        Schema = new JsonSchema { Type = JsonObjectType.String },
    };
}
