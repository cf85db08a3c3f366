using System.ComponentModel.DataAnnotations;
using AssistanceApi.Domain.Events;
using AssistanceApi.Http;
using AssistanceApi.Webhooks;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Webhooks.Create;

public sealed class CreateWebhookBody
{
    /// <summary>Where deliveries are POSTed: an absolute https URL (plain http only in Development or for a host in Webhooks:AllowedHosts).</summary>
    public string? Url { get; init; }

    /// <summary>The event types to deliver; absent for every type the caller may see.</summary>
    [MinLength(1)]
    public List<string>? Types { get; init; }

    public string? Description { get; init; }
}

public sealed class CreateWebhookValidator : Validator<CreateWebhookBody>
{
    public const int MaxUrlLength = 2000, MaxDescriptionLength = 200;

    public CreateWebhookValidator()
    {
        // Resolved per request: a validator is built once and may outlive one host's settings.
        string? Refusal(string? url) => WebhookUrls.Refusal(url, Resolve<WebhookOptions>());
        RuleFor(b => b.Url).NotEmpty().WithErrorCode("required").WithMessage("url is required.");
        RuleFor(b => b.Url).SingleLine(MaxUrlLength);
        RuleFor(b => b.Url).Must(u => Refusal(u) is null).When(b => !string.IsNullOrEmpty(b.Url) && FreeText.IsClean(b.Url, multiLine: false)).WithErrorCode("invalid-url")
            .WithMessage((_, u) => $"url {Refusal(u)}.");
        RuleFor(b => b.Types).Must(t => t!.Count > 0).When(b => b.Types is not null).WithErrorCode("empty")
            .WithMessage("types, when given, lists at least one event type; leave it out for all.");
        RuleFor(b => b.Types).EachOnce("types lists each event type once.");
        RuleForEach(b => b.Types).Must(t => t is not null && EventTypes.Find(t) is not null).WithErrorCode("unknown-event-type")
            .WithMessage((_, t) => JsonFieldErrors.NotAnEventType(t));
        RuleForEach(b => b.Types).SingleLine();
        RuleFor(b => b.Description).SingleLine(MaxDescriptionLength);
    }
}
