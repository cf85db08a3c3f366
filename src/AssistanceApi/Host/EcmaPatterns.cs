using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace AssistanceApi.Host;

/// <summary>
/// The validators anchor their patterns with .NET's \z (where $ would also take a trailing line feed); OpenAPI
/// patterns are ECMA-262, which has no \z and whose $ without the multiline flag is already the end of the text.
/// </summary>
public sealed class EcmaPatterns : IDocumentProcessor
{
    public void Process(DocumentProcessorContext context)
    {
        foreach (var schema in DocumentSchemas.All(context.Document))
            if (schema.Pattern is { } pattern && pattern.EndsWith(@"\z", StringComparison.Ordinal))
                schema.Pattern = pattern[..^2] + "$";
    }
}
