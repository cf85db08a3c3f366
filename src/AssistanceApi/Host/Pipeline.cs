using System.Text.Json;
using AssistanceApi.Audit;
using AssistanceApi.Http;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Seeding;
using AssistanceApi.Treaty;
using Dapper;
using FastEndpoints;
using FastEndpoints.Swagger;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace AssistanceApi.Host;

public static class Pipeline
{
    /// <summary>Migrations, seeds (the demo data only when withDemo and configured), then the in-memory catalogue the rules cite from.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool withDemo = true)
    {
        TypeHandlers.Register();
        var services = app.Services;
        var database = services.GetRequiredService<Database>();
        await using (await database.StartupLockAsync())
        {
            var pending = Migrator.Pending(database);
            // Chains written before keys existed are sealed by the run that adds the keys, and only by it: a seal
            // on request later would seal whatever someone had written into the database meanwhile.
            var keys = LegacyChains.NeedSealing(pending) ? services.GetRequiredService<ChainKeys>() : null;
            Migrator.Upgrade(database);
            if (keys is not null) await LegacyChains.SealAsync(services.GetRequiredService<Writer>(), keys);
            await services.GetRequiredService<Seeder>().SeedAsync(withDemo);
        }

        await using var connection = await services.GetRequiredService<Database>().OpenAsync();
        var provisions = (await connection.QueryAsync<string>("SELECT document FROM provisions ORDER BY sort_order"))
            .Select(d => JsonSerializer.Deserialize<Provision>(d, JsonDefaults.Options)!);
        var offences = (await connection.QueryAsync<string>("SELECT document FROM offences ORDER BY sort_order"))
            .Select(d => JsonSerializer.Deserialize<Offence>(d, JsonDefaults.Options)!);
        services.GetRequiredService<ProvisionCatalogue>().Load(provisions, offences);
        services.GetRequiredService<KnownStates>().Load(await connection.QueryAsync<string>("SELECT code FROM states"));
    }

    public static WebApplication UseAssistanceApi(this WebApplication app)
    {
        // A server without its chain key refuses to start (outside Development, where one is generated).
        app.Services.GetRequiredService<ChainKeys>();
        // First, so the redirection, the rate limiter and the logs see the client the trusted proxy saw.
        app.UseForwardedHeaders(TrustedProxies.Options(app.Configuration));
        app.UseMiddleware<ProblemMiddleware>();
        if (app.Configuration.GetValue("Security:HttpsRedirection", !app.Environment.IsDevelopment()))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<BodyRules>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<JsonBudget>();
        app.UseMiddleware<Idempotency.IdempotencyCapture>();
        app.UseFastEndpoints(c =>
        {
            JsonDefaults.Configure(c.Serializer.Options);
            c.Endpoints.RoutePrefix = "api/v1";
            // operationIds from the slice: Features.Requests.Submit.Endpoint → RequestsSubmit.
            c.Endpoints.NameGenerator = ctx => ctx.EndpointType.Namespace!.Replace("AssistanceApi.Features.", "").Replace(".", "");
            c.Binding.JsonExceptionTransformer = ValidationProblems.FromJsonException;
            c.Binding.FailureMessage = (_, name, value) => $"'{value}' is not a valid value for {name}.";
            c.Errors.ContentType = ProblemWriter.ContentType;
            c.Errors.ProducesMetadataType = typeof(Problem);
            c.Errors.ResponseBuilder = (failures, http, status) =>
            {
                var problem = ValidationProblems.Build(failures, status);
                problem.Instance = http.Request.Path;
                problem.TraceId = System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier;
                return problem;
            };
        });
        app.UseSwaggerGen(uiConfig: ui => ui.Path = "/swagger");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
