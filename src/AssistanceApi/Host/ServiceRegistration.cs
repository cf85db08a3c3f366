using AssistanceApi.Audit;
using AssistanceApi.Auth;
using AssistanceApi.Http;
using AssistanceApi.Idempotency;
using AssistanceApi.Persistence;
using AssistanceApi.Persistence.Seeding;
using AssistanceApi.Treaty;
using FastEndpoints;
using FastEndpoints.Swagger;
using Microsoft.AspNetCore.Authentication;

namespace AssistanceApi.Host;

public static class ServiceRegistration
{
    public static WebApplicationBuilder AddAssistanceApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = config.GetValue("Limits:MaxBodyBytes", 1L << 20);
        });

        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton(JsonDefaults.Options);
        services.AddSingleton(DatabaseOptions.From(config, builder.Environment.ContentRootPath));
        services.AddSingleton(new SeedOptions
        {
            Path = config["Seeding:Path"] ?? new SeedOptions().Path,
            Demo = config.GetValue("Seeding:Demo", builder.Environment.IsDevelopment()),
        });
        services.AddSingleton<Database>();
        services.AddSingleton(sp => ChainKeySource.Load(config, builder.Environment, sp.GetRequiredService<DatabaseOptions>()));
        services.AddSingleton(sp => new Lazy<ChainKeys>(sp.GetRequiredService<ChainKeys>));
        services.AddSingleton<Writer>();
        services.AddSingleton<Seeder>();
        services.AddSingleton<CatalogueLoader>();
        services.AddSingleton<ProvisionCatalogue>();
        services.AddSingleton<KnownStates>();
        services.AddSingleton<TreatyRules>();
        services.AddSingleton<Features.Requests.TreatyCheck>();
        services.AddSingleton(sp => config.ReadTreatyOptions());
        services.AddScoped<UnitOfWork>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Events.EventOutbox>();
        services.AddSingleton<Events.EventSignal>();
        services.AddSingleton<Events.EventSequencer>();
        services.AddSingleton(Events.EventOptions.From(config));
        services.AddSingleton<Events.EventRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<Events.EventRetention>());
        services.AddHostedService(sp => sp.GetRequiredService<Events.EventSequencer>());
        services.AddScoped<IdempotencyContext>();
        services.AddHostedService<IdempotencySweeper>();
        services.AddHostedService<Features.Requests.Expire.ExpirySweeper>();
        services.AddHostedService<Features.Requests.Deadlines.DeadlineSweeper>();
        services.AddSingleton(Webhooks.WebhookOptions.From(config, builder.Environment.IsDevelopment()));
        services.AddSingleton<Webhooks.WebhookSecrets>();
        services.AddSingleton<Features.Events.List.FeedCursor>();
        services.AddSingleton<Webhooks.WebhookSender>();
        services.AddSingleton<Webhooks.DeliverySignal>();
        services.AddSingleton<Webhooks.DeliveryQueue>();
        services.AddSingleton<Webhooks.AttemptRecorder>();
        if (config.GetValue("Webhooks:Deliver", true))
        {
            services.AddHostedService<Webhooks.WebhookDispatcher>();
            services.AddHostedService<Webhooks.DeliveryWorker>();
        }
        var documents = DocumentStorage.DocumentStorageOptions.From(config, builder.Environment.ContentRootPath);
        services.AddSingleton(documents);
        services.AddSingleton<DocumentStorage.IDocumentContentStore>(_ => documents.Store switch
        {
            "filesystem" => new DocumentStorage.FileSystemStore(documents.Path),
            "s3" => new DocumentStorage.S3Store(documents.S3),
            _ => throw new InvalidOperationException($"Documents:Store is '{documents.Store}': use filesystem or s3."),
        });
        services.AddSingleton<DocumentStorage.OrphanSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<DocumentStorage.OrphanSweeper>());
        services.AddScoped<Features.Requests.RequestStore>();
        services.AddSingleton<Features.Requests.RequestPresenter>();
        services.AddSingleton<Features.Requests.Create.Drafting>();
        var keyCacheLifetime = KnownKeys.LifetimeFrom(config);
        services.AddSingleton(sp => new KnownKeys(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>(), keyCacheLifetime));
        services.AddSingleton<Features.States.StoredStates>();
        var listPageLifetime = Features.Requests.List.KeptPages.LifetimeFrom(config);
        services.AddSingleton(sp => new Features.Requests.List.KeptPages(
            sp.GetRequiredService<Database>(), sp.GetRequiredService<Writer>().Changes, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<TreatyOptions>(), listPageLifetime));
        var getLifetime = Features.Requests.Get.KeptRequests.LifetimeFrom(config);
        services.AddSingleton(sp => new Features.Requests.Get.KeptRequests(
            sp.GetRequiredService<Database>(), sp.GetRequiredService<Writer>().Changes, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<TreatyOptions>(), getLifetime));
        services.AddSingleton<Features.Statistics.Get.ReportCache>();

        // The transaction behaviour writes the audit events, the outbox's events and the statistics counts a command recorded
        // before the transaction commits.
        services.AddScoped<Features.Requests.RequestCounts>();
        services.AddScoped<IPendingWrites>(sp => new PendingWrites(sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<Events.EventOutbox>(),
            sp.GetRequiredService<Features.Requests.RequestCounts>()));
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Outermost first: the idempotency record is written inside the write's transaction.
            options.PipelineBehaviors = [typeof(TransactionBehavior<,>), typeof(IdempotencyBehavior<,>)];
        });

        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization();
        services.AddClientRateLimits(config);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddFastEndpoints();
        services.AddOpenApiDocument(builder);
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        builder.AddTelemetry();
        return builder;
    }
}
