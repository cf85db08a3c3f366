using AssistanceApi.Audit;
using AssistanceApi.Http;
using FastEndpoints;
using FastEndpoints.Swagger;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AssistanceApi.Host;

/// <summary>The middleware in the order a call meets it, then the endpoints, the document and the health checks.</summary>
public static class Pipeline
{
    public static WebApplication UseAssistanceApi(this WebApplication app)
    {
        // A server without its chain key refuses to start (outside Development, where one is generated).
        app.Services.GetRequiredService<ChainKeys>();
        // First, so the redirection, the rate limiter and the logs see the client the trusted proxy saw.
        app.UseForwardedHeaders(TrustedProxies.Options(app.Configuration));
        app.UsePrometheusScraping();
        app.UseMiddleware<ProblemMiddleware>();
        // A 4xx that nothing wrote a body for (no route, a method the route does not take) gets a problem too.
        app.UseStatusCodePages(context => EmptyStatus.WriteAsync(context.HttpContext));
        if (app.Configuration.GetValue("Security:HttpsRedirection", !app.Environment.IsDevelopment()))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseAuthentication();
        app.UseMiddleware<ClientLogScope>();
        app.UseRateLimiter();
        app.UseAuthorization();
        // After the key and the role: a caller without either learns 401 or 403, not what its request got wrong.
        app.UseMiddleware<BodyRules>();
        app.UseMiddleware<PreconditionRules>();
        app.UseMiddleware<QueryRules>();
        app.UseMiddleware<JsonBudget>();
        app.UseMiddleware<Idempotency.IdempotencyCapture>();
        app.UseFastEndpoints(c =>
        {
            JsonDefaults.Configure(c.Serializer.Options);
            c.Endpoints.RoutePrefix = "api/v1";
            // operationIds from the slice: Features.Requests.Submit.Endpoint → RequestsSubmit.
            c.Endpoints.NameGenerator = ctx => ctx.EndpointType.Namespace!.Replace("AssistanceApi.Features.", "").Replace(".", "");
            c.Binding.JsonExceptionTransformer = ValidationProblems.FromJsonException;
            c.Binding.ValueParserFor<DateOnly>(QueryDates.Parse);
            c.Binding.ValueParserFor<DateOnly?>(QueryDates.Parse);
            c.Binding.FailureMessage = (_, name, value) => $"'{value}' is not a valid value for {name}.";
            c.Errors.ContentType = ProblemWriter.ContentType;
            c.Errors.ProducesMetadataType = typeof(Problem);
            c.Errors.ResponseBuilder = (failures, http, status) =>
            {
                var problem = ValidationProblems.Build(ValidationProblems.Described(failures, http), status);
                problem.Instance = http.Request.Path;
                problem.TraceId = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
                return problem;
            };
        });
        app.UseSwaggerGen(document => document.PostProcess = (doc, _) => ContractDocument.SetServer(doc), ui => ui.Path = "/swagger");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
