using AssistanceApi.Http;
using NJsonSchema;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// Lists as the API takes them. FastEndpoints maps a rule on a list's items (RuleForEach(…).MaximumLength) onto the
/// list itself, as string keywords that mean nothing on an array: they go to the items they constrain (dropped when
/// the items are a shared schema). A list's own bounds are declared on its property ([MinLength], [MaxLength]: minItems,
/// maxItems); and no list a client sends is longer than <see cref="JsonBudget.MaxItems"/>, which the body middleware
/// holds for every body, so each says so unless its own bound is tighter.
/// </summary>
public sealed class ListSchemas : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        foreach (var list in DocumentSchemas.All(context.Document).Where(IsList)) MoveStringKeywordsToItems(list);
        foreach (var list in DocumentSchemas.InRequestBodies(context.Document).Where(IsList))
            list.MaxItems = list.MaxItems is > 0 and < JsonBudget.MaxItems ? list.MaxItems : JsonBudget.MaxItems;
    }

    private static bool IsList(JsonSchema schema) => schema.Type.HasFlag(JsonObjectType.Array);

    private static void MoveStringKeywordsToItems(JsonSchema list)
    {
        if (list.Item is { Reference: null } item && item.Type.HasFlag(JsonObjectType.String))
        {
            // MaximumLength is FluentValidation's Length(0, max): its 0 is no rule. Every list of texts refuses an empty
            // item (required, or no such name), so the items say at least one character.
            item.MinLength = Math.Max(item.MinLength ?? list.MinLength ?? 0, 1);
            item.MaxLength ??= list.MaxLength;
            item.Pattern ??= list.Pattern;
        }
        list.MinLength = null;
        list.MaxLength = null;
        list.Pattern = null;
    }
}
