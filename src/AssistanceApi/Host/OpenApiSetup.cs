using AssistanceApi.Auth;
using AssistanceApi.Http;
using FastEndpoints.Swagger;
using NSwag;

namespace AssistanceApi.Host;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services, WebApplicationBuilder builder)
    {
        services.SwaggerDocument(o =>
        {
            o.EnableJWTBearerAuth = false;
            o.ShortSchemaNames = true;
            o.RemoveEmptyRequestSchema = true;
            o.SerializerSettings = s => JsonDefaults.Configure(s);
            o.NewtonsoftSettings = s =>
            {
                // The examples are written by Newtonsoft: enum values and absent fields as on the wire. The first converter
                // that takes a type writes it; the StringEnumConverter behind stays, as it tells the schema that enums are strings.
                s.Converters.Insert(0, new WireEnumNames());
                s.NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore;
            };
            o.DocumentSettings = s =>
            {
                s.DocumentName = DocumentName;
                s.Title = "AssistanceApi";
                s.Version = "v1";
                s.SchemaSettings.SchemaProcessors.Add(new KebabEnumSchemaProcessor());
                s.DocumentProcessors.Add(new WebhookEventSchema());
                s.DocumentProcessors.Add(new RefusalGroundNames());
                var streamed = new StreamedBodySchema();
                s.OperationProcessors.Add(streamed);
                s.DocumentProcessors.Add(streamed);
                s.DocumentProcessors.Add(new NullableReferences());
                s.DocumentProcessors.Add(new EcmaPatterns());
                s.DocumentProcessors.Add(new ListSchemas());
                s.DocumentProcessors.Add(new ContractDocument());
                s.Description =
                    "Mutual legal assistance requests between the central authorities and 24/7 points of contact of " +
                    "States under the United Nations Convention against Cybercrime (A/RES/79/243). " +
                    "Authenticate with the X-Api-Key header; errors are application/problem+json (RFC 9457).";
                s.AddAuth(ApiKeyAuthentication.SchemeName, new OpenApiSecurityScheme
                {
                    Type = OpenApiSecuritySchemeType.ApiKey,
                    Name = ApiKeyAuthentication.Header,
                    In = OpenApiSecurityApiKeyLocation.Header,
                    Description = $"The API key of a client; its role says what it may do: {ClientRoles.CentralAuthority} (a State's " +
                                  $"central authority, Art. 40(13)), {ClientRoles.ContactPoint} (a State's 24/7 point of contact, Art. 41), " +
                                  $"{ClientRoles.StateAdmin} (a State's own clients and admin log), {ClientRoles.Secretariat} " +
                                  "(the States directory and statistics; never a request's contents).",
                });
                // After AddAuth's processor, whose role scopes it takes out of the security requirement.
                s.OperationProcessors.Add(new ContractHeaders());
                var examples = new OperationExamples();
                s.OperationProcessors.Add(examples);
                s.DocumentProcessors.Add(examples);
                s.DocumentProcessors.Add(new ResponseDescriptions());
            };
        });
        return services;
    }
}
